@{
    RootModule           = 'VpcCni.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0c1f0e-6f5e-4a53-9a0a-7d3f0c6f1c21'
    Author               = 'VpcCni developers'
    CompanyName          = 'VpcCni'
    Copyright            = '(c) VpcCni developers. All rights reserved.'
    Description          = 'Amazon VPC CNI for Kubernetes nodes on AWS, in C#: warm-pool calculators, node diagnostics and the IPAM engine.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('VpcCni.Format.ps1xml', 'VpcCni.Node.Format.ps1xml', 'VpcCni.NodeSettings.Format.ps1xml', 'VpcCni.Ops.Format.ps1xml', 'VpcCni.NodeCheck.Format.ps1xml', 'VpcCni.Kubernetes.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-VpcCniInstanceLimit'
        'Get-VpcCniMaxPods'
        'Get-VpcCniSubnetPlan'
        'Get-VpcCniWarmPoolRecommendation'
        'Get-VpcCniEni'
        'Get-VpcCniPod'
        'Get-VpcCniPrefix'
        'Get-VpcCniWarmPool'
        'Get-VpcCniConfiguration'
        'Get-VpcCniMetric'
        'Start-VpcCniSimulation'
        'Stop-VpcCniSimulation'
        'Set-VpcCniWarmPool'
        'Set-VpcCniConfiguration'
        'Add-VpcCniPodAddress'
        'Remove-VpcCniPodAddress'
        'Export-VpcCniSupportBundle'
        'Install-VpcCniNode'
        'Uninstall-VpcCniNode'
        'Find-VpcCniLeakedEni'
        'Remove-VpcCniLeakedEni'
        'Test-VpcCniNode'
        'Get-VpcCniIamPolicy'
        'Get-VpcCniSecurityGroupPolicy'
        'Get-VpcCniEniConfig'
        'New-VpcCniEniConfig'
        'Set-VpcCniEniConfig'
        'Remove-VpcCniEniConfig'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('AWS', 'EKS', 'Kubernetes', 'CNI', 'VPC', 'ENI', 'IPAM', 'Linux', 'PSEdition_Core')
            ProjectUri = 'https://github.com/vpccni/vpccni'
        }
    }
}

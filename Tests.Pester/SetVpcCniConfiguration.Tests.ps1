#Requires -Version 7.4
# Set-VpcCniConfiguration: typed parameters, -Variable and -Unset, restart warnings, live change on a
# simulated node, -WhatIf, errors by id, format view, completers; -Cluster on vpc-cni-sim's loopback
# Kubernetes API.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
}

Describe 'Set-VpcCniConfiguration' -Tag 'Simulation' {
    BeforeEach {
        $script:File = Join-Path $TestDrive 'vpc-cni.env'
        Set-Content $script:File "# node settings`nWARM_IP_TARGET=3`n" -NoNewline
    }

    It 'writes typed parameters in upstream form and keeps the other lines' {
        Set-VpcCniConfiguration -EnvironmentFile $script:File -ExternalSnat $true -ExcludeSnatCidr 10.1.0.0/16, 192.168.0.0/24 -RandomizeSnat hashrandom -Mtu 1500 -Confirm:$false -WarningAction SilentlyContinue
        Get-Content -Raw $script:File | Should -BeExactly ("# node settings`nWARM_IP_TARGET=3`nAWS_VPC_K8S_CNI_EXTERNALSNAT=true`n" +
            "AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS=10.1.0.0/16,192.168.0.0/24`nAWS_VPC_K8S_CNI_RANDOMIZESNAT=hashrandom`nAWS_VPC_ENI_MTU=1500`n")
    }

    It 'warns about variables that need a restart and reports live ones' {
        $change = Set-VpcCniConfiguration -EnvironmentFile $script:File -EnablePrefixDelegation $true -LogLevel info -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Message | Should -Match 'ENABLE_PREFIX_DELEGATION'
        $change.RestartRequired | Should -Be @('ENABLE_PREFIX_DELEGATION')
        $change.LiveVariables | Should -Be @('AWS_VPC_K8S_CNI_LOGLEVEL')
    }

    It 'sets any catalogued variable with -Variable and removes some with -Unset' {
        Set-VpcCniConfiguration -EnvironmentFile $script:File -Variable @{ AWS_VPC_K8S_CNI_CONNMARK = '0x40'; DISABLE_METRICS = $true } -Unset WARM_IP_TARGET -WarningAction SilentlyContinue
        $text = Get-Content -Raw $script:File
        $text | Should -Match 'AWS_VPC_K8S_CNI_CONNMARK=0x40'
        $text | Should -Match 'DISABLE_METRICS=true'
        $text | Should -Not -Match 'WARM_IP_TARGET'
    }

    It 'changes nothing with -WhatIf' {
        Set-VpcCniConfiguration -EnvironmentFile $script:File -VethPrefix abc -WhatIf
        Get-Content -Raw $script:File | Should -BeExactly "# node settings`nWARM_IP_TARGET=3`n"
    }

    It 'writes NodeSettings.UnknownVariable with the closest name and leaves the file' {
        Set-VpcCniConfiguration -EnvironmentFile $script:File -Variable @{ EXTERNALSNAT = 'true' } -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'NodeSettings.UnknownVariable,VpcCni.PowerShell.Commands.SetVpcCniConfigurationCommand'
        $errs[0].Exception.Message | Should -Match 'AWS_VPC_K8S_CNI_EXTERNALSNAT'
        Get-Content -Raw $script:File | Should -BeExactly "# node settings`nWARM_IP_TARGET=3`n"
    }

    It 'writes Config.InvalidConfiguration for a value the service rejects' {
        Set-VpcCniConfiguration -EnvironmentFile $script:File -VethPrefix eth -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Config.InvalidConfiguration,*'
        $errs[0].Exception.Message | Should -Match 'AWS_VPC_K8S_CNI_VETHPREFIX'
    }

    It 'applies a live change on a simulated node bound by property name' {
        $sim = Start-VpcCniSimulation -ErrorAction Stop
        try {
            $sim | Set-VpcCniConfiguration -Variable @{ AWS_MANAGE_ENIS_NON_SCHEDULABLE = $true } -ErrorAction Stop
            $deadline = [DateTime]::UtcNow.AddSeconds(20)
            do {
                $value = ($sim | Get-VpcCniConfiguration -Name AWS_MANAGE_ENIS_NON_SCHEDULABLE).Value
                if ($value -eq $true) { break }
                Start-Sleep -Milliseconds 250
            } while ([DateTime]::UtcNow -lt $deadline)
            $value | Should -BeTrue
        }
        finally { $sim | Stop-VpcCniSimulation }
    }

    It 'declares its output type and shows a table' {
        (Get-Command Set-VpcCniConfiguration).OutputType.Name | Should -Be 'VpcCni.Engine.NodeSettings.EnvFileChange'
        $text = Set-VpcCniConfiguration -EnvironmentFile $script:File -LogLevel warn -PassThru | Format-Table | Out-String -Width 250
        foreach ($h in 'Location', 'Written', 'Live', 'RestartRequired', 'Changes') { $text | Should -Match $h }
        $text | Should -Match 'AWS_VPC_K8S_CNI_LOGLEVEL=warn'
    }

    It 'completes variable names for -Unset and hashtables for -Variable' {
        $line = 'Set-VpcCniConfiguration -Unset AWS_VPC_K8S_CNI_EXTERN'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'AWS_VPC_K8S_CNI_EXTERNALSNAT'
        $line = 'Set-VpcCniConfiguration -Variable WARM_IP'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain "@{ WARM_IP_TARGET = '' }"
    }
}

Describe 'Set-VpcCniConfiguration -Cluster' -Tag 'Kubernetes' {
    BeforeAll {
        $script:Dir = Join-Path ([IO.Path]::GetTempPath()) "vpccni-cluster-config-$PID"
        New-Item -ItemType Directory -Force $script:Dir | Out-Null
        $script:Kubeconfig = Join-Path $script:Dir 'kubeconfig'
        $script:Api = Start-VpcCniSimulator -Kubeconfig $script:Kubeconfig
        $script:ApiUrl = $script:Api.Kubernetes
        $script:Item = "$script:ApiUrl/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni"
    }

    AfterAll {
        Stop-VpcCniSimulator $script:Api
        Remove-Item $script:Dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'has a File and a Cluster parameter set, File the default' {
        $command = Get-Command Set-VpcCniConfiguration
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Cluster', 'File')
        $command.DefaultParameterSet | Should -Be 'File'
    }

    It 'sets keys with -Variable and typed parameters, removes one with -Unset, and warns about restart-only ones' {
        $change = Set-VpcCniConfiguration -Cluster -Kubeconfig $script:Kubeconfig -EnablePrefixDelegation $true -Variable @{ 'warm-prefix-target' = 2; AWS_VPC_K8S_CNI_LOGLEVEL = 'info' } -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $change.RestartRequired | Should -Be @('ENABLE_PREFIX_DELEGATION')
        $warnings.Message | Should -Match 'ENABLE_PREFIX_DELEGATION'
        $change.Location | Should -BeLike 'ConfigMap kube-system/amazon-vpc-cni at *'
        Set-VpcCniConfiguration -Cluster -Kubeconfig $script:Kubeconfig -Unset AWS_VPC_K8S_CNI_LOGLEVEL
        $data = (Invoke-RestMethod $script:Item).data
        $data.'enable-prefix-delegation' | Should -Be 'true'
        $data.'warm-prefix-target' | Should -Be '2'
        $data.PSObject.Properties.Name | Should -Not -Contain 'aws-vpc-k8s-cni-loglevel'
    }

    It 'changes nothing with -WhatIf, and names the ConfigMap and its keys when it asks' {
        $before = (Invoke-RestMethod $script:Item).metadata.resourceVersion
        Set-VpcCniConfiguration -Cluster -Kubeconfig $script:Kubeconfig -VethPrefix abc -WhatIf
        (Invoke-RestMethod $script:Item).metadata.resourceVersion | Should -Be $before
        # -Verbose shows the ShouldProcess text that -WhatIf and -Confirm show.
        $out = Set-VpcCniConfiguration -Cluster -Kubeconfig $script:Kubeconfig -VethPrefix abc -Verbose -WarningAction SilentlyContinue 4>&1 | Out-String
        $out | Should -Match '"Set aws-vpc-k8s-cni-vethprefix=abc \(AWS_VPC_K8S_CNI_VETHPREFIX\)" on target "ConfigMap kube-system/amazon-vpc-cni at http'
    }

    It 'refuses a variable that names one node with ClusterSettings.NodeOnlyVariable' {
        Set-VpcCniConfiguration -Cluster -Kubeconfig $script:Kubeconfig -Variable @{ MY_NODE_NAME = 'ip-10-0-0-1' } -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ClusterSettings.NodeOnlyVariable,VpcCni.PowerShell.Commands.SetVpcCniConfigurationCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses an unknown name with NodeSettings.UnknownVariable, as the env-file path does' {
        Set-VpcCniConfiguration -Cluster -Kubeconfig $script:Kubeconfig -Variable @{ EXTERNALSNAT = 'true' } -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'NodeSettings.UnknownVariable,VpcCni.PowerShell.Commands.SetVpcCniConfigurationCommand'
    }
}

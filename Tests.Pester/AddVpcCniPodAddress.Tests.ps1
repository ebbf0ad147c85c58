#Requires -Version 7.4
# Add-VpcCniPodAddress and Remove-VpcCniPodAddress against a simulated node's IPAM socket.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -ErrorAction Stop
}

AfterAll {
    if ($script:Sim) { $script:Sim | Stop-VpcCniSimulation }
}

Describe 'Add-VpcCniPodAddress and Remove-VpcCniPodAddress' -Tag 'Simulation' {
    It 'gives each pod its own address, which Get-VpcCniPod then lists' {
        $pods = $script:Sim | Add-VpcCniPodAddress -PodName a-1, a-2 -Namespace team -ErrorAction Stop
        $pods.Count | Should -Be 2
        $pods[0].Address | Should -Not -Be $pods[1].Address
        $pods[0].ContainerId | Should -Match '^[0-9a-f]{64}$'
        $pods[0].IpamSocket | Should -Be $script:Sim.IpamSocket
        $listed = $script:Sim | Get-VpcCniPod -Namespace team
        ($listed.PodName | Sort-Object) | Should -Be @('a-1', 'a-2')
        $pods | Remove-VpcCniPodAddress
    }

    It 'returns the same address for the same pod and container id' {
        $first = $script:Sim | Add-VpcCniPodAddress -PodName same -ContainerId c-same
        $again = $script:Sim | Add-VpcCniPodAddress -PodName same -ContainerId c-same
        $again.Address | Should -Be $first.Address
        $first | Remove-VpcCniPodAddress
    }

    It 'gives the address back by pipeline and the node no longer lists the pod' {
        $pod = $script:Sim | Add-VpcCniPodAddress -PodName gone
        $released = $pod | Remove-VpcCniPodAddress -PassThru
        $released.Address | Should -Be $pod.Address
        @($script:Sim | Get-VpcCniPod -Name gone).Count | Should -Be 0
    }

    It 'succeeds for a pod the node does not know, with no address' {
        $released = $script:Sim | Remove-VpcCniPodAddress -PodName never -ContainerId c-never -PassThru -Confirm:$false
        $released.Address | Should -BeNullOrEmpty
    }

    It 'changes nothing with -WhatIf' {
        $script:Sim | Add-VpcCniPodAddress -PodName whatif -WhatIf | Should -BeNullOrEmpty
        @($script:Sim | Get-VpcCniPod -Name whatif).Count | Should -Be 0
    }

    It 'writes PodAddress.IpamUnreachable when nothing listens on the socket' {
        Add-VpcCniPodAddress -PodName x -IpamSocket (Join-Path $TestDrive 'none.sock') -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'PodAddress.IpamUnreachable,VpcCni.PowerShell.Commands.AddVpcCniPodAddressCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
    }

    It 'refuses one -ContainerId for several pods with PodAddress.SharedContainerId' {
        { $script:Sim | Add-VpcCniPodAddress -PodName p1, p2 -ContainerId shared -ErrorAction Stop } | Should -Throw -ErrorId 'PodAddress.SharedContainerId,VpcCni.PowerShell.Commands.AddVpcCniPodAddressCommand'
    }

    It 'binds IpamSocket and Namespace by property name, and declares its output with a table view' {
        (Get-VpcCniParameterAttribute 'Add-VpcCniPodAddress' IpamSocket).ValueFromPipelineByPropertyName | Should -BeTrue
        (Get-Command Remove-VpcCniPodAddress).Parameters['Namespace'].Aliases | Should -Contain 'PodNamespace'
        (Get-Command Add-VpcCniPodAddress).OutputType.Name | Should -Be 'VpcCni.Engine.PodAddresses.PodAddress'
        $pod = $script:Sim | Add-VpcCniPodAddress -PodName view
        $text = $pod | Format-Table | Out-String -Width 200
        foreach ($h in 'Namespace', 'Pod', 'Address', 'Device', 'RouteTable', 'ContainerId') { $text | Should -Match $h }
        $pod | Remove-VpcCniPodAddress
    }
}

#Requires -Version 7.4
# Get-VpcCniPod against a real simulated node given pods over its IPAM socket.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -ErrorAction Stop
    $script:Web = Add-VpcCniTestPod -IpamSocket $script:Sim.IpamSocket -Name web-1
    $script:Dns = Add-VpcCniTestPod -IpamSocket $script:Sim.IpamSocket -Name coredns-1 -Namespace kube-system
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniPod' -Tag 'Simulation' {
    It 'lists each pod with its address, ENI and since when' {
        $pods = @($script:Sim | Get-VpcCniPod)
        $pods.Count | Should -Be 2
        $web = $pods | Where-Object PodName -EQ 'web-1'
        $web.PodNamespace | Should -Be 'default'
        $web.Address.ToString() | Should -Be $script:Web
        $web.EniId | Should -Match '^eni-'
        $web.ContainerId | Should -Be 'c-web-1'
        $web.AssignedAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(-5))
    }

    It 'filters by namespace and name with wildcards' {
        (Get-VpcCniPod $script:Sim.Endpoint -Namespace kube-*).PodName | Should -Be 'coredns-1'
        (Get-VpcCniPod $script:Sim.Endpoint -Name web*).Address.ToString() | Should -Be $script:Web
    }

    It 'agrees with the ENI view on assigned addresses' {
        ($script:Sim | Get-VpcCniEni | Measure-Object AssignedCount -Sum).Sum | Should -Be 2
    }

    It 'shows the addresses of Get-VpcCniEni -IncludeAddress as a table with their pods' {
        $text = $script:Sim | Get-VpcCniEni -IncludeAddress | ForEach-Object Addresses | Format-Table | Out-String -Width 250
        foreach ($h in 'Address', 'Assigned', 'Cooling', 'Namespace', 'Pod', 'Since') { $text | Should -Match $h }
        $text | Should -Match ([regex]::Escape($script:Web) + '\s+True\s+False\s+default\s+web-1')
    }

    It 'shows a table with namespace, pod, address, ENI and since' {
        $text = $script:Sim | Get-VpcCniPod | Format-Table | Out-String -Width 250
        foreach ($h in 'Namespace', 'Pod', 'Address', 'EniId', 'Device', 'IfName', 'Since') { $text | Should -Match $h }
        $text | Should -Match 'web-1'
    }

    It 'times out with Introspection.Timeout on a listener that never answers' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            Get-VpcCniPod -Endpoint "127.0.0.1:$($listener.LocalEndpoint.Port)" -TimeoutSec 1 -ErrorVariable errs -ErrorAction SilentlyContinue
            $errs[0].FullyQualifiedErrorId | Should -Be 'Introspection.Timeout,VpcCni.PowerShell.Commands.GetVpcCniPodCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        }
        finally { $listener.Stop() }
    }
}

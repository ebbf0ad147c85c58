#Requires -Version 7.4
# Get-VpcCniEni (and the reading cmdlets' shared behaviour) against a real simulated node.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -ErrorAction Stop
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniEni' -Tag 'Simulation' {
    It 'takes Endpoint at position 0 and by property name, defaulting to upstream''s address' {
        $p = Get-VpcCniParameterAttribute 'Get-VpcCniEni' Endpoint
        $p.Position | Should -Be 0
        $p.ValueFromPipelineByPropertyName | Should -BeTrue
        (Get-Command Get-VpcCniEni).OutputType.Name | Should -Contain 'VpcCni.Engine.Introspection.NodeEniInfo'  # -InstanceId adds EC2's record
    }

    It 'reads the primary ENI the simulated pool filled, from the pipeline' {
        $enis = @($script:Sim | Get-VpcCniEni)
        $primary = $enis | Where-Object { $_.Descriptor.IsPrimary }
        $primary.DeviceNumber | Should -Be 0
        $primary.SubnetId | Should -Match '^subnet-'
        $primary.IpCount | Should -BeGreaterThan 0
        $primary.Addresses | Should -BeNullOrEmpty
    }

    It 'adds the addresses with -IncludeAddress' {
        $primary = Get-VpcCniEni $script:Sim.Endpoint -IncludeAddress | Where-Object { $_.Descriptor.IsPrimary }
        @($primary.Addresses).Count | Should -Be $primary.IpCount
        $primary.Addresses[0].Address.ToString() | Should -Match '^\d+\.\d+\.\d+\.\d+$'
    }

    It 'filters by ENI id with wildcards' {
        $all = @($script:Sim | Get-VpcCniEni)
        @($script:Sim | Get-VpcCniEni -EniId $all[0].EniId).Count | Should -Be 1
        @($script:Sim | Get-VpcCniEni -EniId 'eni-none*').Count | Should -Be 0
    }

    It 'shows a table with card, ENI, device, subnet, flags and counts' {
        $text = $script:Sim | Get-VpcCniEni | Format-Table | Out-String -Width 250
        foreach ($h in 'Card', 'EniId', 'Device', 'Subnet', 'Primary', 'Trunk', 'EFA', 'IPs', 'Prefixes', 'Assigned') { $text | Should -Match $h }
    }

    It 'writes Introspection.Unreachable as a connection error when nothing listens, and goes on' {
        $dead = [pscustomobject]@{ Endpoint = 'unix:/nonexistent/introspection.sock' }
        $r = $dead, $script:Sim | Get-VpcCniEni -ErrorVariable errs -ErrorAction SilentlyContinue
        @($r).Count | Should -BeGreaterThan 0
        $errs[0].FullyQualifiedErrorId | Should -Be 'Introspection.Unreachable,VpcCni.PowerShell.Commands.GetVpcCniEniCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $errs[0].TargetObject | Should -Be 'unix:/nonexistent/introspection.sock'
    }

    It 'refuses an endpoint it cannot parse with Introspection.InvalidEndpoint' {
        { Get-VpcCniEni -Endpoint 'ftp://127.0.0.1:21' -ErrorAction Stop } | Should -Throw -ErrorId 'Introspection.InvalidEndpoint,VpcCni.PowerShell.Commands.GetVpcCniEniCommand'
    }
}

#Requires -Version 7.4
# Get-VpcCniPrefix against a real simulated node in prefix-delegation mode.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -Variable @{ ENABLE_PREFIX_DELEGATION = $true } -ErrorAction Stop
    $script:Pod = Add-VpcCniTestPod -IpamSocket $script:Sim.IpamSocket -Name p-1
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniPrefix' -Tag 'Simulation' {
    It 'lists /28 prefixes with used and free addresses that add up to 16' {
        $prefixes = @($script:Sim | Get-VpcCniPrefix)
        $prefixes.Count | Should -BeGreaterThan 0
        foreach ($p in $prefixes) {
            $p.Prefix.PrefixLength | Should -Be 28
            ($p.Used + $p.Cooling + $p.Free) | Should -Be 16
        }
        ($prefixes | Measure-Object Used -Sum).Sum | Should -Be 1
        $holder = $prefixes | Where-Object Used -EQ 1
        $holder.Prefix.Contains([System.Net.IPAddress]::Parse($script:Pod)) | Should -BeTrue
    }

    It 'shows a table with ENI, prefix, used, cooling and free' {
        $text = $script:Sim | Get-VpcCniPrefix | Format-Table | Out-String -Width 250
        foreach ($h in 'Card', 'EniId', 'Prefix', 'Used', 'Cooling', 'Free') { $text | Should -Match $h }
    }

    It 'declares its output type and takes Endpoint by property name' {
        (Get-Command Get-VpcCniPrefix).OutputType.Name | Should -Be 'VpcCni.Engine.Introspection.NodePrefixInfo'
        (Get-VpcCniParameterAttribute 'Get-VpcCniPrefix' Endpoint).ValueFromPipelineByPropertyName | Should -BeTrue
    }
}

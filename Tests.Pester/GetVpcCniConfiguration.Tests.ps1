#Requires -Version 7.4
# Get-VpcCniConfiguration against a real simulated node.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 4; AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS = '10.9.0.0/16,10.10.0.0/16' } -ErrorAction Stop
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniConfiguration' -Tag 'Simulation' {
    It 'returns both env-settings views, one object per variable' {
        $settings = @($script:Sim | Get-VpcCniConfiguration)
        # Upstream's 13, and MINIMUM_IP_TARGET, WARM_PREFIX_TARGET and IP_COOLDOWN_PERIOD, which ours serves too.
        $settings.Count | Should -Be 16
        ($settings | Where-Object Name -EQ 'WARM_IP_TARGET').Value | Should -Be 4
        ($settings | Where-Object Name -EQ 'WARM_IP_TARGET').Source | Should -Be 'ipamd-env-settings'
        ($settings | Where-Object Name -EQ 'AWS_VPC_K8S_CNI_EXCLUDE_SNAT_CIDRS').Value | Should -Be @('10.9.0.0/16', '10.10.0.0/16')
        ($settings | Where-Object Name -EQ 'AWS_VPC_K8S_CNI_VETHPREFIX').Source | Should -Be 'networkutils-env-settings'
    }

    It 'filters by name with wildcards and completes the names' {
        (Get-VpcCniConfiguration $script:Sim.Endpoint -Name WARM_*).Name | Should -Be @('WARM_ENI_TARGET', 'WARM_IP_TARGET', 'WARM_PREFIX_TARGET')
        $line = 'Get-VpcCniConfiguration -Name WARM_'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'WARM_IP_TARGET'
    }

    It 'shows a table with name, value and source' {
        $text = $script:Sim | Get-VpcCniConfiguration | Format-Table | Out-String -Width 250
        foreach ($h in 'Name', 'Value', 'Source') { $text | Should -Match $h }
        $text | Should -Match '10\.9\.0\.0/16,10\.10\.0\.0/16'
    }
}

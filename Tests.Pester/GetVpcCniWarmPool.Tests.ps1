#Requires -Version 7.4
# Get-VpcCniWarmPool against a real simulated node: served targets, metrics limits, the prediction.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 3; MINIMUM_IP_TARGET = 4; IP_COOLDOWN_PERIOD = 45 } -ErrorAction Stop
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniWarmPool' -Tag 'Simulation' {
    It 'reports the targets in force, the counts and a labelled prediction' {
        $pool = $script:Sim | Get-VpcCniWarmPool
        $pool.NetworkCard | Should -Be 0
        $pool.Targets.WarmIpTarget | Should -Be 3
        $pool.IsPrediction | Should -BeTrue
        $pool.TotalIps | Should -Be ($pool.AssignedIps + $pool.AvailableIps + $pool.CooldownIps)
        $pool.Plan.Notes | Should -Contain 'prediction: ENI ages and the release interval are not served, so both count as elapsed'
        $pool.NextAction | Should -Not -BeNullOrEmpty
    }

    It 'takes the ENI limits of the default m5.large from the metrics, or from the table with -InstanceType' {
        $fromMetrics = $script:Sim | Get-VpcCniWarmPool
        $fromMetrics.LimitsSource | Should -Be 'metrics'
        $fromMetrics.Limits.MaxEni | Should -Be 3
        $fromMetrics.Limits.MaxCidrsPerEni | Should -Be 9
        $given = $script:Sim | Get-VpcCniWarmPool -InstanceType m5.large
        $given.LimitsSource | Should -Be 'given'
        $given.Limits.MaxCidrsPerEni | Should -Be 9
    }

    It 'predicts growth once pods take the warm addresses' {
        1..3 | ForEach-Object { Add-VpcCniTestPod -IpamSocket $script:Sim.IpamSocket -Name "w-$_" | Out-Null }
        $pool = $script:Sim | Get-VpcCniWarmPool
        if ($pool.AvailableIps -lt 3) {
            $pool.Plan.TooLow | Should -BeTrue
            $pool.NextAction | Should -Not -Be 'none'
        }
        else {
            $pool.Plan.TooLow | Should -BeFalse
        }
    }

    It 'takes MINIMUM_IP_TARGET and WARM_PREFIX_TARGET from the node, and a given value over it (for an upstream node, which does not serve them)' {
        $served = $script:Sim | Get-VpcCniWarmPool
        ($served.Targets.MinimumIpTarget, $served.Targets.WarmPrefixTarget) | Should -Be 4, 1
        ($script:Sim | Get-VpcCniWarmPool -MinimumIpTarget 20 -WarmPrefixTarget 2).Targets | ForEach-Object { $_.MinimumIpTarget, $_.WarmPrefixTarget } | Should -Be 20, 2
    }

    It 'writes Capacity.UnknownInstanceType for an unknown -InstanceType' {
        $script:Sim | Get-VpcCniWarmPool -InstanceType zz9.plural -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Capacity.UnknownInstanceType,*'
    }

    It 'shows a table with targets, counts and the predicted next step' {
        $text = $script:Sim | Get-VpcCniWarmPool | Format-Table | Out-String -Width 300
        foreach ($h in 'Card', 'PD', 'WARM_ENI', 'WARM_IP', 'MIN_IP', 'Total', 'Assigned', 'Available', 'Cooldown', 'PredictedNext') { $text | Should -Match $h }
    }

    It 'completes -InstanceType from the built-in table' {
        $line = 'Get-VpcCniWarmPool -InstanceType m5.la'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'm5.large'
    }
}

#Requires -Version 7.4
# Get-VpcCniMetric against a real simulated node's Prometheus endpoint.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -ErrorAction Stop
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniMetric' -Tag 'Simulation' {
    It 'binds MetricsEndpoint (not Endpoint) from the pipeline and reads typed samples' {
        $max = $script:Sim | Get-VpcCniMetric awscni_eni_max
        $max.Value | Should -Be 3
        $max.Type | Should -Be 'Gauge'
        $max.Help | Should -Not -BeNullOrEmpty
    }

    It 'matches families with wildcards, labels included' {
        $calls = @($script:Sim | Get-VpcCniMetric awscni_ec2api_req_*)
        $calls.Count | Should -BeGreaterThan 0
        $calls[0].Type | Should -Be 'Counter'
        $calls.Labels.fn | Should -Contain 'AssignPrivateIpAddresses'
        $latency = @(Get-VpcCniMetric -MetricsEndpoint $script:Sim.MetricsEndpoint -Name awscni_aws_api_latency_ms)
        $latency.Name | Should -Contain 'awscni_aws_api_latency_ms_sum'
        ($latency | Select-Object -ExpandProperty Family -Unique) | Should -Be 'awscni_aws_api_latency_ms'
    }

    It 'shows a table with name, labels, value and type' {
        $text = $script:Sim | Get-VpcCniMetric awscni_ec2api_req_count | Format-Table | Out-String -Width 250
        foreach ($h in 'Name', 'Labels', 'Value', 'Type') { $text | Should -Match $h }
        $text | Should -Match 'fn=AssignPrivateIpAddresses'
    }

    It 'completes metric names' {
        $line = 'Get-VpcCniMetric awscni_eni_'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'awscni_eni_max'
    }

    It 'writes Introspection.Unreachable as a connection error' {
        Get-VpcCniMetric -MetricsEndpoint 'unix:/nonexistent/metrics.sock' -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'Introspection.Unreachable,VpcCni.PowerShell.Commands.GetVpcCniMetricCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }
}

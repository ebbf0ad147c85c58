#Requires -Version 7.4
# Start-VpcCniSimulation / Stop-VpcCniSimulation against the published vpc-cni-node: endpoints,
# side-by-side runs, -WhatIf, idempotent stop, cleanup, errors by id, format view, completers.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -ErrorAction Stop
}

AfterAll {
    Stop-VpcCniSimulation -ErrorAction SilentlyContinue
}

Describe 'Start-VpcCniSimulation' -Tag 'Simulation' {
    It 'returns a ready node with its endpoints, process and run directory' {
        $script:Sim.IsRunning | Should -BeTrue
        (Get-Process -Id $script:Sim.ProcessId).ProcessName | Should -Be 'vpc-cni-node'
        $script:Sim.Endpoint | Should -BeLike "unix:$($script:Sim.RunDirectory)/*"
        $script:Sim.MetricsEndpoint | Should -Match '^http://127\.0\.0\.1:\d+$'
        $script:Sim.Ec2Endpoint | Should -Match '^http://127\.0\.0\.1:\d+/$'
        $script:Sim.ImdsEndpoint | Should -Match '^http://127\.0\.0\.1:\d+/$'
        $script:Sim.InstanceId | Should -Match '^i-'
        $script:Sim.IpamSocket | Should -Exist
        (Invoke-RestMethod ($script:Sim.MetricsEndpoint + '/metrics')) | Should -Match 'awscni_eni_max'
    }

    It 'runs a second simulation beside the first on other endpoints' {
        $second = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 2 } -ErrorAction Stop
        try {
            $second.Endpoint | Should -Not -Be $script:Sim.Endpoint
            $second.MetricsEndpoint | Should -Not -Be $script:Sim.MetricsEndpoint
            ($second | Get-VpcCniConfiguration -Name WARM_IP_TARGET).Value | Should -Be 2
            ($script:Sim | Get-VpcCniConfiguration -Name WARM_IP_TARGET).Value | Should -Be 0
        }
        finally { $second | Stop-VpcCniSimulation }
    }

    It 'takes a scenario path by value and by FullName' {
        $p = Get-VpcCniParameterAttribute 'Start-VpcCniSimulation' Scenario
        $p.Position | Should -Be 0
        $p.ValueFromPipeline | Should -BeTrue
        (Get-Command Start-VpcCniSimulation).Parameters['Scenario'].Aliases | Should -Contain 'FullName'
    }

    It 'declares its output type and shows a table' {
        (Get-Command Start-VpcCniSimulation).OutputType.Name | Should -Be 'VpcCni.PowerShell.Simulation.VpcCniSimulation'
        $text = $script:Sim | Format-Table | Out-String -Width 300
        foreach ($h in 'ProcessId', 'Running', 'Endpoint', 'MetricsEndpoint', 'Ec2Endpoint', 'InstanceId') { $text | Should -Match $h }
    }

    It 'writes Introspection.NodeExecutableNotFound for a missing -NodePath' {
        Start-VpcCniSimulation -NodePath (Join-Path $TestDrive 'none') -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -Be 'Introspection.NodeExecutableNotFound,VpcCni.PowerShell.Commands.StartVpcCniSimulationCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'writes Introspection.NodeStartFailed with the node''s message when a variable is invalid, and leaves nothing behind' {
        $before = @(Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'vpccni-sim-*' -Directory).Count
        Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = -1 } -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Introspection.NodeStartFailed,*'
        "$($errs[0])" | Should -Match 'WARM_IP_TARGET'
        @(Get-ChildItem ([IO.Path]::GetTempPath()) -Filter 'vpccni-sim-*' -Directory).Count | Should -Be $before
    }

    It 'completes endpoints of running simulations' {
        $line = 'Get-VpcCniEni -Endpoint unix:'
        $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $r.CompletionMatches.CompletionText | Should -Contain $script:Sim.Endpoint
    }
}

Describe 'Stop-VpcCniSimulation' -Tag 'Simulation' {
    It 'changes nothing with -WhatIf' {
        $script:Sim | Stop-VpcCniSimulation -WhatIf
        $script:Sim.IsRunning | Should -BeTrue
        $script:Sim.RunDirectory | Should -Exist
    }

    It 'leaves a process it did not start alone' {
        Stop-VpcCniSimulation -ProcessId $PID -Verbose 4>&1 | Out-String | Should -Match 'not a simulation this session started'
        (Get-Process -Id $PID).Id | Should -Be $PID
    }

    It 'completes the process ids of this session''s simulations' {
        $line = 'Stop-VpcCniSimulation -ProcessId '
        $r = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $r.CompletionMatches.CompletionText | Should -Contain "$($script:Sim.ProcessId)"
    }

    It 'stops the node, removes its directory, and does nothing the second time' {
        $sim = Start-VpcCniSimulation -ErrorAction Stop
        $sim | Stop-VpcCniSimulation
        $sim.IsRunning | Should -BeFalse
        $sim.RunDirectory | Should -Not -Exist
        { $sim | Stop-VpcCniSimulation -ErrorAction Stop } | Should -Not -Throw
        { Stop-VpcCniSimulation -ProcessId $sim.ProcessId -ErrorAction Stop } | Should -Not -Throw
    }

    It 'has SupportsShouldProcess and three parameter sets: all, by object from the pipeline, by process id' {
        $cmd = Get-Command Stop-VpcCniSimulation
        $cmd.Parameters.Keys | Should -Contain 'WhatIf'
        ($cmd.ParameterSets.Name | Sort-Object) | Should -Be @('All', 'InputObject', 'ProcessId')
        $cmd.DefaultParameterSet | Should -Be 'All'
        $byObject = Get-VpcCniParameterAttribute 'Stop-VpcCniSimulation' InputObject
        $byObject.Mandatory | Should -BeTrue
        $byObject.ValueFromPipeline | Should -BeTrue
    }

    It 'stops the session''s simulations when the module is removed' {
        $out = Invoke-ChildPwsh "Import-Module '$(Get-VpcCniTestModulePath)'; `$s = Start-VpcCniSimulation -ErrorAction Stop; Remove-Module VpcCni; `$s.ProcessId; (Test-Path `$s.RunDirectory)"
        $lines = @($out | ForEach-Object { "$_" })
        $lines[-1] | Should -Be 'False'
        Get-Process -Id ([int]$lines[-2]) -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'stops the session''s simulations when the PowerShell process exits' {
        $out = Invoke-ChildPwsh "Import-Module '$(Get-VpcCniTestModulePath)'; `$s = Start-VpcCniSimulation -ErrorAction Stop; `$s.ProcessId; `$s.RunDirectory"
        $lines = @($out | ForEach-Object { "$_" })
        Get-Process -Id ([int]$lines[-2]) -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $lines[-1] | Should -Not -Exist
    }
}

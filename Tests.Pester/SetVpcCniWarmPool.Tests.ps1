#Requires -Version 7.4
# Set-VpcCniWarmPool against the published vpc-cni-node: parameter sets, binding from a simulation,
# -WhatIf, unsetting, errors by id, -Wait observing the new steady state, format view, help.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 5 } -ErrorAction Stop
}

AfterAll {
    if ($script:Sim) { $script:Sim | Stop-VpcCniSimulation }
}

Describe 'Set-VpcCniWarmPool' -Tag 'Simulation' {
    It 'has a Set and a Reset parameter set, -Reset mandatory only in Reset' {
        $command = Get-Command Set-VpcCniWarmPool
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Reset', 'Set')
        $command.DefaultParameterSet | Should -Be 'Set'
        ($command.ParameterSets | Where-Object Name -EQ 'Reset').Parameters.Name | Should -Not -Contain 'WarmIpTarget'
        { Set-VpcCniWarmPool -Reset -WarmIpTarget 3 -EnvironmentFile (Join-Path $TestDrive 'x.env') } | Should -Throw -ErrorId 'AmbiguousParameterSet,VpcCni.PowerShell.Commands.SetVpcCniWarmPoolCommand'
    }

    It 'binds EnvironmentFile, Endpoint and MetricsEndpoint by property name from a simulation' {
        foreach ($name in 'EnvironmentFile', 'Endpoint', 'MetricsEndpoint') {
            (Get-VpcCniParameterAttribute 'Set-VpcCniWarmPool' $name).ValueFromPipelineByPropertyName | Should -BeTrue
        }
        $script:Sim.EnvironmentFile | Should -Be (Join-Path $script:Sim.RunDirectory 'vpc-cni.env')
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-Content -Raw $script:Sim.EnvironmentFile
        $script:Sim | Set-VpcCniWarmPool -WarmIpTarget 9 -WhatIf
        Get-Content -Raw $script:Sim.EnvironmentFile | Should -BeExactly $before
    }

    It 'waits until the node reports WARM_IP_TARGET 12 and holds 12 available addresses' {
        $script:Sim | Get-VpcCniWarmPool | Select-Object -ExpandProperty AvailableIps | Should -Be 5
        $settings = $script:Sim | Set-VpcCniWarmPool -WarmIpTarget 12 -Wait -PassThru -TimeoutSec 90 -ErrorAction Stop
        $settings.WarmIpTarget | Should -Be 12
        $settings.EnvironmentFile | Should -Be $script:Sim.EnvironmentFile
        ($script:Sim | Get-VpcCniConfiguration -Name WARM_IP_TARGET).Value | Should -Be 12
        $pool = $script:Sim | Get-VpcCniWarmPool
        $pool.AvailableIps | Should -Be 12
        $pool.NextAction | Should -Be 'none'
    }

    It 'changes only the bound parameters and unsets one given $null' {
        $file = Join-Path $TestDrive 'only.env'
        Set-Content $file "# mine`nWARM_IP_TARGET=4`nMINIMUM_IP_TARGET=6`n" -NoNewline
        Set-VpcCniWarmPool -EnvironmentFile $file -MinimumIpTarget 8 -WarmIpTarget $null -Confirm:$false
        Get-Content -Raw $file | Should -BeExactly "# mine`nMINIMUM_IP_TARGET=8`n"
    }

    It 'unsets every warm-pool variable with -Reset and keeps the rest' {
        $file = Join-Path $TestDrive 'reset.env'
        Set-Content $file "WARM_IP_TARGET=4`nMAX_ENI=2`nAWS_VPC_K8S_CNI_LOGLEVEL=info`n" -NoNewline
        $settings = Set-VpcCniWarmPool -EnvironmentFile $file -Reset -PassThru -Confirm:$false
        Get-Content -Raw $file | Should -BeExactly "AWS_VPC_K8S_CNI_LOGLEVEL=info`n"
        $settings.WarmEniTarget | Should -Be 1
        $settings.MaxEni | Should -Be -1
    }

    It 'writes Config.InvalidConfiguration naming the variables for a combination the service rejects, and leaves the file' {
        $file = Join-Path $TestDrive 'pd.env'
        Set-Content $file "ENABLE_PREFIX_DELEGATION=true`nWARM_PREFIX_TARGET=1`n" -NoNewline
        Set-VpcCniWarmPool -EnvironmentFile $file -WarmPrefixTarget 0 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'Config.InvalidConfiguration,VpcCni.PowerShell.Commands.SetVpcCniWarmPoolCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $errs[0].Exception.Message | Should -Match 'ENABLE_PREFIX_DELEGATION'
        $errs[0].Exception.Message | Should -Match 'WARM_PREFIX_TARGET'
        Get-Content -Raw $file | Should -BeExactly "ENABLE_PREFIX_DELEGATION=true`nWARM_PREFIX_TARGET=1`n"
    }

    It 'refuses an out-of-range value with the accepted range the service quotes' {
        Set-VpcCniWarmPool -EnvironmentFile (Join-Path $TestDrive 'range.env') -MaxEni 0 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Config.InvalidConfiguration,*'
        $errs[0].Exception.Message | Should -Match "MAX_ENI.*'0' is not accepted; expected -1 \(no cap\) or an integer"
        Join-Path $TestDrive 'range.env' | Should -Not -Exist
    }

    It 'writes NodeSettings.FileNotWritable for a file it cannot write' {
        $blocker = Join-Path $TestDrive 'a-file'
        Set-Content $blocker ''
        Set-VpcCniWarmPool -EnvironmentFile (Join-Path $blocker 'vpc-cni.env') -WarmIpTarget 1 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NodeSettings.FileNotWritable,*'
    }

    It 'writes NodeSettings.NotSettled when the node does not answer in time' {
        $file = Join-Path $TestDrive 'gone.env'
        Set-VpcCniWarmPool -EnvironmentFile $file -WarmIpTarget 2 -Wait -Endpoint "unix:$TestDrive/none.sock" -TimeoutSec 2 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'NodeSettings.NotSettled,*'
        $errs[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        Get-Content -Raw $file | Should -BeExactly "WARM_IP_TARGET=2`n"
    }

    It 'declares its output type and shows a table' {
        (Get-Command Set-VpcCniWarmPool).OutputType.Name | Should -Be 'VpcCni.Engine.NodeSettings.WarmPoolSettings'
        $text = Set-VpcCniWarmPool -EnvironmentFile (Join-Path $TestDrive 'view.env') -WarmIpTarget 3 -PassThru | Format-Table | Out-String -Width 200
        foreach ($h in 'WarmIp', 'MinimumIp', 'WarmEni', 'WarmPrefix', 'MaxEni', 'Cooldown', 'EnvironmentFile') { $text | Should -Match $h }
    }

    It 'completes -Endpoint' {
        $r = TabExpansion2 -inputScript 'Set-VpcCniWarmPool -Endpoint ' -cursorColumn 'Set-VpcCniWarmPool -Endpoint '.Length
        $r.CompletionMatches.Count | Should -BeGreaterThan 0
    }
}

#Requires -Version 7.4
# Set-VpcCniWarmPool against the published vpc-cni-node: parameter sets, binding from a simulation,
# -WhatIf, unsetting, errors by id, -Wait observing the new steady state, format view, help; and with
# -Cluster against the ConfigMap on vpc-cni-sim's loopback Kubernetes API, read live by a simulated node.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Sim = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 5 } -ErrorAction Stop
}

AfterAll {
    if ($script:Sim) { $script:Sim | Stop-VpcCniSimulation }
}

Describe 'Set-VpcCniWarmPool' -Tag 'Simulation' {
    It 'has Set and Reset parameter sets and their Cluster twins, -Reset mandatory only in the Reset ones' {
        $command = Get-Command Set-VpcCniWarmPool
        $command.ParameterSets.Name | Sort-Object | Should -Be @('Cluster', 'ClusterReset', 'Reset', 'Set')
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
        foreach ($h in 'WarmIp', 'MinimumIp', 'WarmEni', 'WarmPrefix', 'MaxEni', 'Cooldown', 'Location') { $text | Should -Match $h }
    }

    It 'completes -Endpoint' {
        $r = TabExpansion2 -inputScript 'Set-VpcCniWarmPool -Endpoint ' -cursorColumn 'Set-VpcCniWarmPool -Endpoint '.Length
        $r.CompletionMatches.Count | Should -BeGreaterThan 0
    }
}

Describe 'Set-VpcCniWarmPool -Cluster' -Tag 'Kubernetes', 'Simulation' {
    BeforeAll {
        $script:Dir = Join-Path ([IO.Path]::GetTempPath()) "vpccni-cluster-settings-$PID"
        New-Item -ItemType Directory -Force $script:Dir | Out-Null
        $script:Kubeconfig = Join-Path $script:Dir 'kubeconfig'
        $script:Api = Start-VpcCniSimulator -Kubeconfig $script:Kubeconfig
        $script:ApiUrl = $script:Api.Kubernetes
        $script:Item = "$script:ApiUrl/api/v1/namespaces/kube-system/configmaps/amazon-vpc-cni"

        # The ConfigMap's data as the API server holds it, or $null when there is no ConfigMap.
        function Get-TestConfigMapData {
            $r = Invoke-WebRequest $script:Item -SkipHttpErrorCheck
            if ($r.StatusCode -eq 404) { return $null }
            ($r.Content | ConvertFrom-Json -AsHashtable).data
        }

        # Replaces the ConfigMap as another client would, with a key the node does not read.
        function Set-TestConfigMap([hashtable] $Data) {
            Invoke-WebRequest $script:Item -Method Delete -SkipHttpErrorCheck | Out-Null
            $body = @{ apiVersion = 'v1'; kind = 'ConfigMap'; metadata = @{ name = 'amazon-vpc-cni'; namespace = 'kube-system' }; data = $Data } | ConvertTo-Json -Depth 5
            Invoke-RestMethod "$script:ApiUrl/api/v1/namespaces/kube-system/configmaps" -Method Post -Body $body -ContentType 'application/json' | Out-Null
        }
    }

    AfterAll {
        Stop-VpcCniSimulator $script:Api
        Remove-Item $script:Dir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'has Cluster and ClusterReset sets with -Kubeconfig bound by property name and -Context completed' {
        $command = Get-Command Set-VpcCniWarmPool
        ($command.ParameterSets | Where-Object Name -EQ 'Cluster').Parameters.Name | Should -Not -Contain 'EnvironmentFile'
        (Get-VpcCniParameterAttribute 'Set-VpcCniWarmPool' 'Kubeconfig').ValueFromPipelineByPropertyName | Should -BeTrue
        $line = "Set-VpcCniWarmPool -Cluster -Kubeconfig '$script:Kubeconfig' -Context "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.Count | Should -BeGreaterThan 0
    }

    It 'changes nothing with -WhatIf, and creates no ConfigMap' {
        Invoke-WebRequest $script:Item -Method Delete -SkipHttpErrorCheck | Out-Null
        Set-VpcCniWarmPool -Cluster -Kubeconfig $script:Kubeconfig -WarmIpTarget 12 -WhatIf
        Get-TestConfigMapData | Should -BeNullOrEmpty
    }

    It 'creates the ConfigMap with warm-ip-target 12 and says where it wrote' {
        $settings = Set-VpcCniWarmPool -Cluster -Kubeconfig $script:Kubeconfig -WarmIpTarget 12 -PassThru -ErrorAction Stop
        (Get-TestConfigMapData)['warm-ip-target'] | Should -Be '12'
        $settings.WarmIpTarget | Should -Be 12
        $settings.EnvironmentFile | Should -BeNullOrEmpty
        $settings.Location | Should -BeLike 'ConfigMap kube-system/amazon-vpc-cni at http://127.0.0.1:*'
    }

    It 'changes only the bound keys, keeps the others, and removes one given $null' {
        Set-TestConfigMap @{ 'warm-ip-target' = '4'; 'minimum-ip-target' = '6'; 'enable-network-policy-controller' = 'true' }
        Set-VpcCniWarmPool -Cluster -Kubeconfig $script:Kubeconfig -MinimumIpTarget 8 -WarmIpTarget $null -Confirm:$false -WarningAction SilentlyContinue
        $data = Get-TestConfigMapData
        $data.Keys | Sort-Object | Should -Be @('enable-network-policy-controller', 'minimum-ip-target')
        $data['minimum-ip-target'] | Should -Be '8'
    }

    It 'removes every warm-pool key with -Reset and keeps the rest' {
        Set-TestConfigMap @{ 'warm-ip-target' = '4'; 'max-eni' = '2'; 'aws-vpc-k8s-cni-loglevel' = 'info' }
        $settings = Set-VpcCniWarmPool -Cluster -Kubeconfig $script:Kubeconfig -Reset -PassThru -Confirm:$false
        (Get-TestConfigMapData).Keys | Should -Be @('aws-vpc-k8s-cni-loglevel')
        $settings.MaxEni | Should -Be -1
    }

    It 'writes Config.InvalidConfiguration naming the ConfigMap key and the variable, and writes nothing' {
        Set-TestConfigMap @{ 'enable-prefix-delegation' = 'true'; 'warm-prefix-target' = '1' }
        Set-VpcCniWarmPool -Cluster -Kubeconfig $script:Kubeconfig -MaxEni 0 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'Config.InvalidConfiguration,VpcCni.PowerShell.Commands.SetVpcCniWarmPoolCommand'
        $errs[0].Exception.Message | Should -Match "MAX_ENI \(ConfigMap key 'max-eni'\): '0' is not accepted"
        (Get-TestConfigMapData).Keys | Should -Not -Contain 'max-eni'
    }

    It 'writes ClusterSettings.WaitNeedsEndpoint for -Wait without a node to watch' {
        Set-VpcCniWarmPool -Cluster -Kubeconfig $script:Kubeconfig -WarmIpTarget 3 -Wait -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ClusterSettings.WaitNeedsEndpoint,VpcCni.PowerShell.Commands.SetVpcCniWarmPoolCommand'
        (Get-TestConfigMapData)['warm-ip-target'] | Should -BeNullOrEmpty
    }

    It 'writes ClusterSettings.RequestFailed when the API server does not answer' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $dead = Join-Path $script:Dir 'dead-kubeconfig'
        (Get-Content -Raw $script:Kubeconfig) -replace 'http://127\.0\.0\.1:\d+', "http://127.0.0.1:$port" | Set-Content $dead
        Set-VpcCniWarmPool -Cluster -Kubeconfig $dead -WarmIpTarget 3 -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'ClusterSettings.RequestFailed,VpcCni.PowerShell.Commands.SetVpcCniWarmPoolCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ResourceUnavailable'
    }

    It 'waits until a simulated node reading the ConfigMap applies warm-ip-target 12 live, its env file untouched' {
        Set-TestConfigMap @{ 'warm-ip-target' = '3' }
        $sim = Start-VpcCniSimulation -Kubeconfig $script:Kubeconfig -ErrorAction Stop
        try {
            $sim.Kubeconfig | Should -Be $script:Kubeconfig
            ($sim | Get-VpcCniWarmPool).AvailableIps | Should -Be 3
            $envBefore = Get-Content -Raw $sim.EnvironmentFile
            $settings = $sim | Set-VpcCniWarmPool -Cluster -WarmIpTarget 12 -Wait -PassThru -TimeoutSec 90 -ErrorAction Stop
            $settings.WarmIpTarget | Should -Be 12
            ($sim | Get-VpcCniConfiguration -Name WARM_IP_TARGET).Value | Should -Be 12
            $pool = $sim | Get-VpcCniWarmPool
            $pool.Targets.WarmIpTarget | Should -Be 12
            $pool.AvailableIps | Should -Be 12
            $pool.NextAction | Should -Be 'none'
            Get-Content -Raw $sim.EnvironmentFile | Should -BeExactly $envBefore
        }
        finally { $sim | Stop-VpcCniSimulation }
    }
}

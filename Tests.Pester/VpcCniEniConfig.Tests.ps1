#Requires -Version 7.4
# Get-/New-/Set-/Remove-VpcCniEniConfig: offline against manifest files, and against the simulator's
# loopback Kubernetes API server (vpc-cni-sim --kubernetes) through a kubeconfig it writes.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Guide = Join-Path $PSScriptRoot '../tests/VpcCni.Engine.Tests/Manifests/UserGuide'
    $script:Dir = Join-Path ([IO.Path]::GetTempPath()) "vpccni-eniconfig-$PID"
    New-Item -ItemType Directory -Force $script:Dir | Out-Null
    $script:Kubeconfig = Join-Path $script:Dir 'kubeconfig'
    $bin = Join-Path (Split-Path (Split-Path (Get-VpcCniTestModulePath))) 'bin/vpc-cni-sim'
    $info = [System.Diagnostics.ProcessStartInfo]::new($bin)
    foreach ($a in '--port', '0', '--kubernetes', '--write-kubeconfig', $script:Kubeconfig, '--manifest', (Join-Path $script:Guide 'eniconfigs-per-zone.yaml')) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $script:Api = [System.Diagnostics.Process]::Start($info)
    while ($null -ne ($line = $script:Api.StandardOutput.ReadLine()) -and $line -notlike 'Serving until*') { }
    if (-not (Test-Path $script:Kubeconfig)) { throw "vpc-cni-sim --kubernetes wrote no kubeconfig: $($script:Api.StandardError.ReadToEnd())" }
    $script:Cluster = @{ Kubeconfig = $script:Kubeconfig }
}

AfterAll {
    if ($script:Api -and -not $script:Api.HasExited) { $script:Api.Kill(); $script:Api.WaitForExit() }
    Remove-Item $script:Dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniEniConfig' -Tag 'Kubernetes' {
    It 'lists the cluster''s ENIConfigs by name with subnet and groups' {
        $configs = @(Get-VpcCniEniConfig @script:Cluster)
        $configs.Name | Should -Be 'us-west-2a', 'us-west-2b', 'us-west-2c'
        $configs[1].Subnet | Should -Be 'subnet-0fedcba9876543210'
        $configs[1].SecurityGroups | Should -Be 'sg-0123456789abcdef0', 'sg-0fedcba9876543210'
    }

    It 'keeps names matching wildcards and reports a missing name by id' {
        (Get-VpcCniEniConfig us-west-2[ab] @script:Cluster).Name | Should -Be 'us-west-2a', 'us-west-2b'
        Get-VpcCniEniConfig eu-north-1a @script:Cluster -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'EniConfig.NotFound,VpcCni.PowerShell.Commands.GetVpcCniEniConfigCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reads manifest files offline with -Path, passing over other kinds' {
        $configs = @(Get-VpcCniEniConfig -Path $script:Guide)
        $configs.Name | Should -Be 'us-west-2a', 'us-west-2b', 'us-west-2c'
    }

    It 'shows a table of name, subnet and groups' {
        $text = Get-VpcCniEniConfig -Path (Join-Path $script:Guide 'eniconfigs-per-zone.yaml') | Format-Table | Out-String -Width 200
        foreach ($h in 'Name', 'Subnet', 'SecurityGroups') { $text | Should -Match $h }
        $text | Should -Match 'us-west-2a\s+subnet-0123456789abcdef0\s+sg-0123456789abcdef0,sg-0fedcba9876543210'
    }

    It 'fails with Kubernetes.InvalidKubeconfig for a kubeconfig that does not exist' {
        { Get-VpcCniEniConfig -Kubeconfig (Join-Path $script:Dir 'missing') -ErrorAction Stop } |
            Should -Throw -ErrorId 'Kubernetes.InvalidKubeconfig,VpcCni.PowerShell.Commands.GetVpcCniEniConfigCommand'
    }

    It 'completes -Context with the contexts of the kubeconfig' {
        $line = "Get-VpcCniEniConfig -Kubeconfig '$script:Kubeconfig' -Context "
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Not -BeNullOrEmpty
    }
}

Describe 'New-VpcCniEniConfig' -Tag 'Kubernetes' {
    It 'creates one ENIConfig per zone, named after it, and they read back' {
        $made = @(New-VpcCniEniConfig @{ 'eu-west-1b' = 'subnet-0bbbbbbbbbbbbbbbb'; 'eu-west-1a' = 'subnet-0aaaaaaaaaaaaaaaa' } sg-0cccccccccccccccc @script:Cluster)
        $made.Name | Should -Be 'eu-west-1a', 'eu-west-1b'
        (Get-VpcCniEniConfig eu-west-1a @script:Cluster).Subnet | Should -Be 'subnet-0aaaaaaaaaaaaaaaa'
    }

    It 'changes nothing with -WhatIf' {
        New-VpcCniEniConfig @{ 'ap-south-1a' = 'subnet-0aaaaaaaaaaaaaaaa' } @script:Cluster -WhatIf | Should -BeNullOrEmpty
        Get-VpcCniEniConfig ap-south-1a @script:Cluster -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'reports an ENIConfig that exists already as EniConfig.AlreadyExists' {
        New-VpcCniEniConfig @{ 'us-west-2a' = 'subnet-0aaaaaaaaaaaaaaaa' } @script:Cluster -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'EniConfig.AlreadyExists,VpcCni.PowerShell.Commands.NewVpcCniEniConfigCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        (Get-VpcCniEniConfig us-west-2a @script:Cluster).Subnet | Should -Be 'subnet-0123456789abcdef0'
    }

    It 'writes YAML that reads back as the same ENIConfigs with -OutputPath' {
        $file = Join-Path $script:Dir 'out.yaml'
        New-VpcCniEniConfig @{ 'us-east-1a' = 'subnet-0aaaaaaaaaaaaaaaa'; 'us-east-1b' = 'subnet-0bbbbbbbbbbbbbbbb' } -SecurityGroupId sg-0123456789abcdef0 -OutputPath $file | Out-Null
        $back = @(Get-VpcCniEniConfig -Path $file)
        $back.Name | Should -Be 'us-east-1a', 'us-east-1b'
        $back.SecurityGroups | Should -Be 'sg-0123456789abcdef0', 'sg-0123456789abcdef0'
        New-VpcCniEniConfig @{ 'us-east-1c' = 'subnet-0cccccccccccccccc' } -OutputPath (Join-Path $script:Dir 'whatif.yaml') -WhatIf
        Join-Path $script:Dir 'whatif.yaml' | Should -Not -Exist
    }

    It 'takes the subnet map from the pipeline' {
        $file = Join-Path $script:Dir 'piped.yaml'
        @{ 'us-east-1d' = 'subnet-0dddddddddddddddd' } | New-VpcCniEniConfig -OutputPath $file | Out-Null
        (Get-VpcCniEniConfig -Path $file).Subnet | Should -Be 'subnet-0dddddddddddddddd'
    }

    It 'refuses a bad subnet or group before creating anything' {
        { New-VpcCniEniConfig @{ 'us-east-1a' = 'subnet-0aaaaaaaaaaaaaaaa'; 'us-east-1b' = 'vpc-123' } @script:Cluster -ErrorAction Stop } |
            Should -Throw -ErrorId 'EniConfig.InvalidSubnetMap,VpcCni.PowerShell.Commands.NewVpcCniEniConfigCommand'
        { New-VpcCniEniConfig @{ 'us-east-1a' = 'subnet-0aaaaaaaaaaaaaaaa' } -SecurityGroupId 'default' @script:Cluster -ErrorAction Stop } |
            Should -Throw -ErrorId 'EniConfig.InvalidSecurityGroup,VpcCni.PowerShell.Commands.NewVpcCniEniConfigCommand'
        Get-VpcCniEniConfig us-east-1a @script:Cluster -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'has a Cluster and a File parameter set and supports ShouldProcess' {
        $cmd = Get-Command New-VpcCniEniConfig
        $cmd.ParameterSets.Name | Sort-Object | Should -Be 'Cluster', 'File'
        $cmd.Parameters.ContainsKey('WhatIf') | Should -BeTrue
    }
}

Describe 'Set-VpcCniEniConfig' -Tag 'Kubernetes' {
    It 'changes the subnet and keeps the groups' {
        $set = Set-VpcCniEniConfig us-west-2c -Subnet subnet-0dddddddddddddddd @script:Cluster
        $set.Subnet | Should -Be 'subnet-0dddddddddddddddd'
        $set.SecurityGroups | Should -Be 'sg-0123456789abcdef0', 'sg-0fedcba9876543210'
    }

    It 'takes the name from the pipeline by property name' {
        Get-VpcCniEniConfig us-west-2b @script:Cluster | Set-VpcCniEniConfig -SecurityGroupId sg-0eeeeeeeeeeeeeeee @script:Cluster | Out-Null
        (Get-VpcCniEniConfig us-west-2b @script:Cluster).SecurityGroups | Should -Be 'sg-0eeeeeeeeeeeeeeee'
    }

    It 'changes nothing with -WhatIf, and needs -Subnet or -SecurityGroupId' {
        Set-VpcCniEniConfig us-west-2a -Subnet subnet-0ffffffffffffffff @script:Cluster -WhatIf
        (Get-VpcCniEniConfig us-west-2a @script:Cluster).Subnet | Should -Be 'subnet-0123456789abcdef0'
        { Set-VpcCniEniConfig us-west-2a @script:Cluster -ErrorAction Stop } | Should -Throw
    }

    It 'reports a missing ENIConfig as EniConfig.NotFound' {
        Set-VpcCniEniConfig nowhere-1a -Subnet subnet-0ffffffffffffffff @script:Cluster -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'EniConfig.NotFound,VpcCni.PowerShell.Commands.SetVpcCniEniConfigCommand'
    }
}

Describe 'Remove-VpcCniEniConfig' -Tag 'Kubernetes' {
    It 'is of high impact and removes nothing with -WhatIf' {
        (Get-Command Remove-VpcCniEniConfig).ImplementingType.GetCustomAttributes($true).Where({ $_ -is [System.Management.Automation.CmdletAttribute] }).ConfirmImpact | Should -Be 'High'
        Remove-VpcCniEniConfig us-west-2c @script:Cluster -WhatIf
        Get-VpcCniEniConfig us-west-2c @script:Cluster | Should -Not -BeNullOrEmpty
    }

    It 'removes ENIConfigs piped from Get-VpcCniEniConfig' {
        Get-VpcCniEniConfig eu-west-1* @script:Cluster | Remove-VpcCniEniConfig @script:Cluster -Confirm:$false
        Get-VpcCniEniConfig eu-west-1* @script:Cluster | Should -BeNullOrEmpty
    }

    It 'reports a missing ENIConfig as EniConfig.NotFound' {
        Remove-VpcCniEniConfig nowhere-1a @script:Cluster -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'EniConfig.NotFound,VpcCni.PowerShell.Commands.RemoveVpcCniEniConfigCommand'
    }
}

Describe 'Help for the ENIConfig cmdlets' -Tag 'Unit' -ForEach @('Get-VpcCniEniConfig', 'New-VpcCniEniConfig', 'Set-VpcCniEniConfig', 'Remove-VpcCniEniConfig') {
    It '<_> has a synopsis, an example, and documents exactly its parameters' {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -Match '^\s*(Get|New|Set|Remove)-VpcCni'
        @($help.Examples.Example)[0].Code | Should -Match $_
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        (@($help.Parameters.Parameter).Name | Sort-Object) | Should -Be ((Get-Command $_).Parameters.Values.Name | Where-Object { $_ -notin $common } | Sort-Object)
    }
}

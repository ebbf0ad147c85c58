#Requires -Version 7.4
# Install-VpcCniNode, always under a temporary -Root: never the machine's own /opt, /etc or systemd.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    Import-Module (Join-Path $PSScriptRoot 'VpcCniOpsTestUtils.psm1') -Force
    $script:Source = New-NodeInstallTestSource $TestDrive
}

Describe 'Install-VpcCniNode' -Tag 'Unit' {
    BeforeEach {
        $script:Root = Join-Path $TestDrive ([guid]::NewGuid())
        New-Item -ItemType Directory $script:Root | Out-Null
    }

    It 'installs the four files, defers the conflist to the service, and reports --max-pods' {
        $summary = Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -Variable @{ WARM_IP_TARGET = 5 } -InstanceType m5.large -ErrorAction Stop
        $summary.MaxPods | Should -Be 29
        $summary.KubeletArgument | Should -Be '--max-pods=29'
        $summary.ChangedCount | Should -Be 4
        foreach ($path in '/opt/cni/bin/vpc-cni', '/usr/local/bin/vpc-cni-node', '/etc/systemd/system/vpc-cni-node.service', '/etc/vpc-cni/vpc-cni.env') {
            Join-Path $script:Root $path | Should -Exist
        }
        Join-Path $script:Root '/etc/cni/net.d/10-aws.conflist' | Should -Not -Exist
        ($summary.Files | Where-Object NodePath -EQ '/etc/cni/net.d/10-aws.conflist').Action | Should -Be 'Deferred'
        Get-Content (Join-Path $script:Root '/etc/vpc-cni/vpc-cni.env') -Raw | Should -Match 'WARM_IP_TARGET="5"'
        $summary.SystemctlCommands | Should -BeNullOrEmpty
    }

    It 'a second run changes nothing and says so; the admin''s values survive an override of another' {
        Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -Variable @{ WARM_IP_TARGET = 5 } -InstanceType m5.large | Out-Null
        $again = Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -Variable @{ WARM_IP_TARGET = 5 } -InstanceType m5.large -PassThru
        ($again | Where-Object Action -NE 'Deferred').Action | Sort-Object -Unique | Should -Be 'Unchanged'
        (Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -InstanceType m5.large).Message | Should -Match 'Nothing to change'

        Add-Content (Join-Path $script:Root '/etc/vpc-cni/vpc-cni.env') 'CLUSTER_NAME=prod'
        $summary = Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -Variable @{ ENABLE_PREFIX_DELEGATION = 'true' } -InstanceType m5.large
        $env = Get-Content (Join-Path $script:Root '/etc/vpc-cni/vpc-cni.env') -Raw
        $env | Should -Match 'CLUSTER_NAME=prod'
        $env | Should -Match 'WARM_IP_TARGET="5"'
        $summary.PrefixDelegation | Should -BeTrue
        $summary.MaxPods | Should -Be 110
    }

    It '-WhatIf writes nothing' {
        Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -InstanceType m5.large -WhatIf | Out-Null
        Get-ChildItem $script:Root -Recurse | Should -BeNullOrEmpty
    }

    It 'finds the binaries in the module''s bin folder by default' {
        $files = Install-VpcCniNode -Root $script:Root -InstanceType m5.large -PassThru -ErrorAction Stop
        ($files | Where-Object NodePath -EQ '/usr/local/bin/vpc-cni-node').Action | Should -Be 'Created'
        (Get-Item (Join-Path $script:Root '/usr/local/bin/vpc-cni-node')).UnixFileMode.ToString() | Should -Match 'UserExecute'
    }

    It 'refuses a relative root with Bootstrap.InvalidRoot and a missing binary with Bootstrap.SourceMissing' {
        { Install-VpcCniNode -Root (Join-Path $TestDrive 'missing') -SourcePath $script:Source -InstanceType m5.large -ErrorAction Stop } |
            Should -Throw -ErrorId 'Bootstrap.InvalidRoot,VpcCni.PowerShell.Commands.InstallVpcCniNodeCommand'
        { Install-VpcCniNode -Root $script:Root -SourcePath $script:Root -InstanceType m5.large -ErrorAction Stop } |
            Should -Throw -ErrorId 'Bootstrap.SourceMissing,VpcCni.PowerShell.Commands.InstallVpcCniNodeCommand'
        { Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -Variable @{ '1BAD' = 'x' } -InstanceType m5.large -ErrorAction Stop } |
            Should -Throw -ErrorId 'Bootstrap.InvalidVariable,VpcCni.PowerShell.Commands.InstallVpcCniNodeCommand'
    }

    It 'shows the summary and the files as tables, and completes -InstanceType' {
        (Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -InstanceType m5.large | Format-Table | Out-String -Width 200) | Should -Match 'MaxPods'
        (Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -InstanceType m5.large -PassThru | Format-Table | Out-String -Width 200) | Should -Match 'NodePath'
        $line = 'Install-VpcCniNode -InstanceType m5.la'
        $completion = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $completion.CompletionMatches.CompletionText | Should -Contain 'm5.large'
    }
}

#Requires -Version 7.4
# Uninstall-VpcCniNode, always under a temporary -Root.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    Import-Module (Join-Path $PSScriptRoot 'VpcCniOpsTestUtils.psm1') -Force
    $script:Source = New-NodeInstallTestSource $TestDrive
}

Describe 'Uninstall-VpcCniNode' -Tag 'Unit' {
    BeforeEach {
        $script:Root = Join-Path $TestDrive ([guid]::NewGuid())
        New-Item -ItemType Directory $script:Root | Out-Null
        Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -InstanceType m5.large | Out-Null
        New-Item -ItemType Directory (Join-Path $script:Root 'etc/cni/net.d') -Force | Out-Null
        Set-Content (Join-Path $script:Root 'etc/cni/net.d/10-aws.conflist') '{"name":"aws-cni","plugins":[{"type":"vpc-cni"}]}'
        Set-Content (Join-Path $script:Root 'etc/cni/net.d/05-other.conflist') '{}'
        Set-Content (Join-Path $script:Root 'opt/cni/bin/portmap') 'foreign'
    }

    It 'removes everything of ours, keeps foreign files, and is Absent on a second run' {
        $files = Uninstall-VpcCniNode -Root $script:Root -Confirm:$false -PassThru -ErrorAction Stop
        ($files.Action | Sort-Object -Unique) | Should -Be 'Removed'
        (Get-ChildItem $script:Root -Recurse -File | ForEach-Object { [System.IO.Path]::GetRelativePath($script:Root, $_.FullName) } | Sort-Object) |
            Should -Be @('etc/cni/net.d/05-other.conflist', 'opt/cni/bin/portmap')
        Join-Path $script:Root 'etc/vpc-cni' | Should -Not -Exist
        ((Uninstall-VpcCniNode -Root $script:Root -Confirm:$false -PassThru).Action | Sort-Object -Unique) | Should -Be 'Absent'
    }

    It 'keeps a conflist that is not ours' {
        Set-Content (Join-Path $script:Root 'etc/cni/net.d/10-aws.conflist') '{"name":"aws-cni","plugins":[{"type":"aws-cni"}]}'
        $files = Uninstall-VpcCniNode -Root $script:Root -Confirm:$false -PassThru
        ($files | Where-Object NodePath -EQ '/etc/cni/net.d/10-aws.conflist').Action | Should -Be 'Kept'
        Join-Path $script:Root 'etc/cni/net.d/10-aws.conflist' | Should -Exist
    }

    It '-WhatIf removes nothing' {
        $before = (Get-ChildItem $script:Root -Recurse -File).Count
        Uninstall-VpcCniNode -Root $script:Root -WhatIf | Out-Null
        (Get-ChildItem $script:Root -Recurse -File).Count | Should -Be $before
    }

    It 'is ConfirmImpact High and refuses a bad root with Bootstrap.InvalidRoot' {
        (Get-Command Uninstall-VpcCniNode).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        { Uninstall-VpcCniNode -Root (Join-Path $TestDrive 'nope') -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'Bootstrap.InvalidRoot,VpcCni.PowerShell.Commands.UninstallVpcCniNodeCommand'
    }

    It 'takes -Root by property name, so an install''s summary pipes into the uninstall of the same root' {
        $removed = Install-VpcCniNode -Root $script:Root -SourcePath $script:Source -InstanceType m5.large |
            Uninstall-VpcCniNode -Confirm:$false -PassThru -ErrorAction Stop
        ($removed.Action | Sort-Object -Unique) | Should -Be 'Removed'
        (Get-ChildItem $script:Root -Recurse -File | ForEach-Object { [System.IO.Path]::GetRelativePath($script:Root, $_.FullName) } | Sort-Object) |
            Should -Be @('etc/cni/net.d/05-other.conflist', 'opt/cni/bin/portmap')
    }
}

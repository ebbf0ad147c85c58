#Requires -Version 7.4
# Get-VpcCniInstanceLimit: parameters, wildcards, pipeline, errors, format, completion.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Cmd = 'Get-VpcCniInstanceLimit'
}

Describe 'Get-VpcCniInstanceLimit' -Tag 'Unit' {
    It 'takes InstanceType at position 0, by value and by property name, with wildcards' {
        $p = Get-VpcCniParameterAttribute $script:Cmd InstanceType
        $p.Position | Should -Be 0
        $p.ValueFromPipeline | Should -BeTrue
        $p.ValueFromPipelineByPropertyName | Should -BeTrue
        $p.Mandatory | Should -BeFalse
        (Get-Command $script:Cmd).Parameters['InstanceType'].Attributes.TypeId.Name | Should -Contain 'SupportsWildcardsAttribute'
    }

    It 'declares its output type' {
        (Get-Command $script:Cmd).OutputType.Name | Should -Be 'VpcCni.Engine.Limits.InstanceTypeLimits'
    }

    It 'returns the default card limits of a type' {
        $l = Get-VpcCniInstanceLimit trn1.32xlarge
        $l.EniLimit | Should -Be 5
        $l.Ipv4PerEni | Should -Be 50
        $l.NetworkCards.Count | Should -Be 8
    }

    It 'expands wildcards against the table' {
        $names = (Get-VpcCniInstanceLimit 'm5.*').InstanceType
        $names | Should -Contain 'm5.large'
        $names | Should -Contain 'm5.24xlarge'
        $names | Should -Not -Contain 'm5a.large'
    }

    It 'returns nothing, without an error, for a pattern that matches nothing' {
        Get-VpcCniInstanceLimit 'zz*' -ErrorVariable errs | Should -BeNullOrEmpty
        $errs | Should -BeNullOrEmpty
    }

    It 'returns every type without a name' {
        @(Get-VpcCniInstanceLimit).Count | Should -Be 1391
    }

    It 'takes names by value and by property name' {
        ('m5.large', 't3.micro' | Get-VpcCniInstanceLimit).EniLimit | Should -Be @(3, 2)
        ([pscustomobject]@{ InstanceType = 'c5.4xlarge' } | Get-VpcCniInstanceLimit).Ipv4PerEni | Should -Be 30
    }

    It 'writes Capacity.UnknownInstanceType for an exact unknown name and goes on' {
        $r = 'zz9.plural', 'm5.large' | Get-VpcCniInstanceLimit -ErrorVariable errs -ErrorAction SilentlyContinue
        $r.InstanceType | Should -Be 'm5.large'
        $errs[0].FullyQualifiedErrorId | Should -Be 'Capacity.UnknownInstanceType,VpcCni.PowerShell.Commands.GetVpcCniInstanceLimitCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Get-VpcCniInstanceLimit zz9.plural -ErrorAction Stop } |
            Should -Throw -ErrorId 'Capacity.UnknownInstanceType,VpcCni.PowerShell.Commands.GetVpcCniInstanceLimitCommand'
    }

    It 'shows a table with the limits, marking derived vCPUs' {
        $text = Get-VpcCniInstanceLimit m5.large, p3.2xlarge | Format-Table | Out-String -Width 250
        foreach ($h in 'InstanceType', 'ENIs', 'IPv4/ENI', 'Cards', 'vCPUs', 'Hypervisor', 'PrefixDelegation') { $text | Should -Match ([regex]::Escape($h)) }
        $text | Should -Match 'p3\.2xlarge.*8\*'
    }

    It 'completes instance types' {
        $s = 'Get-VpcCniInstanceLimit t3.mi'; $c = TabExpansion2 -inputScript $s -cursorColumn $s.Length
        $c.CompletionMatches.CompletionText | Should -Contain 't3.micro'
    }
}

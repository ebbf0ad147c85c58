#Requires -Version 7.4
# Get-VpcCniMaxPods: parameters, pipeline, figures for every published type, errors, format, completion.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Cmd = 'Get-VpcCniMaxPods'
}

Describe 'Get-VpcCniMaxPods' -Tag 'Unit' {
    Context 'parameters' {
        It 'takes InstanceType at position 0, by value and by property name' {
            $p = Get-VpcCniParameterAttribute $script:Cmd InstanceType
            $p.Position | Should -Be 0
            $p.ValueFromPipeline | Should -BeTrue
            $p.ValueFromPipelineByPropertyName | Should -BeTrue
            $p.Mandatory | Should -BeFalse
        }

        It 'binds <Name> by property name' -ForEach @(
            @{ Name = 'CniVersion' }, @{ Name = 'CustomNetworking' }, @{ Name = 'PrefixDelegation' }, @{ Name = 'MaxEni' },
            @{ Name = 'ShowMaxAllowed' }, @{ Name = 'EniLimit' }, @{ Name = 'Ipv4PerEni' }, @{ Name = 'VCpu' }, @{ Name = 'SupportsPrefixDelegation' }
        ) {
            (Get-VpcCniParameterAttribute $script:Cmd $Name).ValueFromPipelineByPropertyName | Should -BeTrue
        }

        It 'has the switches of max-pods-calculator.sh' {
            foreach ($name in 'CustomNetworking', 'PrefixDelegation', 'ShowMaxAllowed') {
                (Get-Command $script:Cmd).Parameters[$name].ParameterType | Should -Be ([switch])
            }
        }

        It 'offers the aliases VCpus and PrefixDelegationRequested' {
            (Get-Command $script:Cmd).Parameters['VCpu'].Aliases | Should -Contain 'VCpus'
            (Get-Command $script:Cmd).Parameters['PrefixDelegation'].Aliases | Should -Contain 'PrefixDelegationRequested'
        }

        It 'declares its output type' {
            (Get-Command $script:Cmd).OutputType.Name | Should -Be 'VpcCni.Engine.Capacity.MaxPodsResult'
        }
    }

    Context 'figures' {
        It 'gives <Type> a raw figure of <Raw> and a capped one of <Capped>' -ForEach @(
            @{ Type = 'm5.large'; Raw = 29; Capped = 29 }
            @{ Type = 't3.micro'; Raw = 4; Capped = 4 }
            @{ Type = 'c5.4xlarge'; Raw = 234; Capped = 110 }
            @{ Type = 'm5.24xlarge'; Raw = 737; Capped = 250 }
            @{ Type = 'trn1.32xlarge'; Raw = 247; Capped = 247 }
        ) {
            $r = Get-VpcCniMaxPods $Type
            $r.RawMaxPods | Should -Be $Raw
            $r.MaxPods | Should -Be $Capped
            (Get-VpcCniMaxPods $Type -ShowMaxAllowed).MaxPods | Should -Be $Raw
        }

        It 'applies prefix delegation from CNI 1.9.0 on Nitro and says why not otherwise' {
            (Get-VpcCniMaxPods m5.large -PrefixDelegation -CniVersion 1.9.0 -ShowMaxAllowed).MaxPods | Should -Be 434
            (Get-VpcCniMaxPods m5.large -PrefixDelegation -CniVersion 1.8.0).PrefixDelegationMode | Should -Be 'NotSupportedByCniVersion'
            (Get-VpcCniMaxPods m4.4xlarge -PrefixDelegation).PrefixDelegationMode | Should -Be 'NotSupportedByInstanceType'
        }

        It 'counts one ENI fewer with custom networking and honours MaxEni' {
            (Get-VpcCniMaxPods m5.xlarge -CustomNetworking -MaxEni 3).RawMaxPods | Should -Be 30
        }

        It 'calculates from explicit limits for a type outside the table' {
            $r = Get-VpcCniMaxPods -InstanceType x9z.8xlarge -EniLimit 8 -Ipv4PerEni 30 -VCpu 32
            $r.RawMaxPods | Should -Be 234
            $r.Ceiling | Should -Be 250
            "$($r.LimitsSource)" | Should -Be 'Explicit'
        }
    }

    Context 'every published type' {
        BeforeAll {
            $script:Rows = @(Get-VpcCniPublishedInstanceType)
            $script:Results = @{}
            $script:Rows.instance_type | Get-VpcCniMaxPods -ShowMaxAllowed | ForEach-Object { $script:Results[$_.InstanceType] = $_.MaxPods }
        }

        It 'reads 1391 types from the shipped CSV' {
            $script:Rows.Count | Should -Be 1391
        }

        It '-ShowMaxAllowed agrees with ENIs x (IPs - 1) + 2 from the CSV for every type' {
            $wrong = foreach ($row in $script:Rows) {
                $expected = [int] $row.eni_limit * ([int] $row.ipv4_per_eni - 1) + 2
                if ($script:Results[$row.instance_type] -ne $expected) { "$($row.instance_type): expected $expected, got $($script:Results[$row.instance_type])" }
            }
            $wrong | Should -BeNullOrEmpty
            $script:Results.Count | Should -Be 1391
        }
    }

    Context 'pipeline' {
        It 'takes names by value' {
            $r = 'm5.large', 'c5.4xlarge' | Get-VpcCniMaxPods
            $r.InstanceType | Should -Be @('m5.large', 'c5.4xlarge')
            $r.MaxPods | Should -Be @(29, 110)
        }

        It 'takes limit objects from Get-VpcCniInstanceLimit by property name' {
            $r = Get-VpcCniInstanceLimit m5.large, t3.medium | Get-VpcCniMaxPods
            $r.MaxPods | Should -Be @(29, 17)
            "$($r[0].LimitsSource)" | Should -Be 'BuiltInTable'
        }

        It 'takes objects with an InstanceType property' {
            ([pscustomobject]@{ InstanceType = 'm5.xlarge'; CustomNetworking = $true } | Get-VpcCniMaxPods).RawMaxPods | Should -Be 44
        }
    }

    Context 'errors' {
        It 'reports an unknown type as a non-terminating Capacity.UnknownInstanceType error and goes on' {
            $r = 'm5.large', 'zz9.plural', 't3.micro' | Get-VpcCniMaxPods -ErrorVariable errs -ErrorAction SilentlyContinue
            $r.InstanceType | Should -Be @('m5.large', 't3.micro')
            $errs.Count | Should -Be 1
            $errs[0].FullyQualifiedErrorId | Should -Be 'Capacity.UnknownInstanceType,VpcCni.PowerShell.Commands.GetVpcCniMaxPodsCommand'
            $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errs[0].TargetObject | Should -Be 'zz9.plural'
        }

        It 'throws Capacity.UnknownInstanceType with -ErrorAction Stop' {
            { Get-VpcCniMaxPods zz9.plural -ErrorAction Stop } |
                Should -Throw -ErrorId 'Capacity.UnknownInstanceType,VpcCni.PowerShell.Commands.GetVpcCniMaxPodsCommand'
        }

        It 'stops on a malformed CNI version' {
            { 'm5.large', 't3.micro' | Get-VpcCniMaxPods -PrefixDelegation -CniVersion latest } |
                Should -Throw -ErrorId 'Capacity.InvalidCniVersion,VpcCni.PowerShell.Commands.GetVpcCniMaxPodsCommand'
        }

        It 'stops when neither a type nor limits are given' {
            { Get-VpcCniMaxPods } | Should -Throw -ErrorId 'Capacity.MissingInstanceLimits,VpcCni.PowerShell.Commands.GetVpcCniMaxPodsCommand'
        }

        It 'refuses an out-of-range explicit limit at binding' {
            { Get-VpcCniMaxPods -EniLimit 0 -Ipv4PerEni 10 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,VpcCni.PowerShell.Commands.GetVpcCniMaxPodsCommand'
        }
    }

    Context 'format' {
        It 'shows a table with the figures' {
            $text = Get-VpcCniMaxPods m5.large | Format-Table | Out-String -Width 250
            foreach ($h in 'InstanceType', 'MaxPods', 'Raw', 'Ceiling', 'ENIs', 'IPv4/ENI', 'vCPUs', 'PrefixDelegation') { $text | Should -Match ([regex]::Escape($h)) }
        }

        It 'shows a list with the notes' {
            $text = Get-VpcCniMaxPods m5.large -CustomNetworking | Format-List | Out-String
            $text | Should -Match 'Notes\s*:\s*Custom networking'
        }
    }

    Context 'completion' {
        It 'completes instance types for -InstanceType and by position' {
            $c = TabExpansion2 -inputScript 'Get-VpcCniMaxPods -InstanceType m5.la' -cursorColumn 36
            $c.CompletionMatches.CompletionText | Should -Contain 'm5.large'
            $c = TabExpansion2 -inputScript 'Get-VpcCniMaxPods c7g.me' -cursorColumn 24
            $c.CompletionMatches.CompletionText | Should -Contain 'c7g.medium'
            $c.CompletionMatches[0].ToolTip | Should -Match 'ENIs'
        }
    }
}

#Requires -Version 7.4
# Get-VpcCniSubnetPlan: parameters, the guide's subnet example, CIDRs, /28 view, pipeline, errors, format.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Cmd = 'Get-VpcCniSubnetPlan'
}

Describe 'Get-VpcCniSubnetPlan' -Tag 'Unit' {
    It 'takes InstanceType at position 0, by value and by property name' {
        $p = Get-VpcCniParameterAttribute $script:Cmd InstanceType
        $p.Position | Should -Be 0
        $p.ValueFromPipeline | Should -BeTrue
        $p.ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'requires NodesPerAz and binds the rest by property name, with aliases' {
        (Get-VpcCniParameterAttribute $script:Cmd NodesPerAz).Mandatory | Should -BeTrue
        foreach ($name in 'PodsPerNode', 'NodesPerAz', 'GrowthFactor', 'PrefixLength', 'Cidr', 'AvailabilityZoneCount') {
            (Get-VpcCniParameterAttribute $script:Cmd $name).ValueFromPipelineByPropertyName | Should -BeTrue
        }
        $params = (Get-Command $script:Cmd).Parameters
        $params['PodsPerNode'].Aliases | Should -Contain 'MaxPods'
        $params['Cidr'].Aliases | Should -Contain 'CidrBlock'
        $params['AvailabilityZoneCount'].Aliases | Should -Contain 'AzCount'
    }

    It 'declares its output type' {
        (Get-Command $script:Cmd).OutputType.Name | Should -Be 'VpcCni.Engine.Capacity.SubnetPlan'
    }

    It "reproduces the guide's figures and finds a /20 per AZ too small" {
        $p = Get-VpcCniSubnetPlan -PodsPerNode 110 -NodesPerAz 50 -GrowthFactor 2.0 -PrefixLength 20 -AvailabilityZoneCount 3
        $p.RequiredAddressesPerAz | Should -Be 11000
        $p.Subnets[0].Addresses | Should -Be 4096
        $p.Subnets[0].UsableAddresses | Should -Be 4091
        $p.TotalAddresses | Should -Be 12288
        $p.Fits | Should -BeFalse
        $p.RecommendedPrefixLength | Should -Be 18
    }

    It 'counts whole /28 blocks with prefix delegation, per CIDR' {
        $p = Get-VpcCniSubnetPlan -PodsPerNode 110 -NodesPerAz 30 -Cidr 10.0.16.0/20, 10.0.32.0/22 -PrefixDelegation
        $p.AvailabilityZoneCount | Should -Be 2
        $p.PrefixBlocksPerNode | Should -Be 7
        $p.Subnets.WholePrefixBlocks | Should -Be @(254, 62)
        $p.Subnets.PrefixBlocksNeeded | Should -Be @(210, 210)
        $p.Subnets.Fits | Should -Be @($true, $false)
    }

    It 'takes a max-pods result from the pipeline as the pod count' {
        $p = Get-VpcCniMaxPods m5.large -PrefixDelegation | Get-VpcCniSubnetPlan -NodesPerAz 10 -PrefixLength 24
        $p.PodsPerNode | Should -Be 110
        $p.PrefixDelegation | Should -BeTrue
        $p.InstanceType | Should -Be 'm5.large'
    }

    It 'takes instance types by value' {
        $p = 'm5.large', 't3.medium' | Get-VpcCniSubnetPlan -NodesPerAz 10 -PrefixLength 24
        $p.PodsPerNode | Should -Be @(29, 17)
    }

    It 'stops on a malformed CIDR with Capacity.InvalidSubnetCidr' {
        { Get-VpcCniSubnetPlan -PodsPerNode 10 -NodesPerAz 1 -Cidr 10.0.16.5/20 } |
            Should -Throw -ErrorId 'Capacity.InvalidSubnetCidr,VpcCni.PowerShell.Commands.GetVpcCniSubnetPlanCommand'
    }

    It 'stops when no subnet size is given' {
        { Get-VpcCniSubnetPlan -PodsPerNode 10 -NodesPerAz 1 } |
            Should -Throw -ErrorId 'Capacity.InvalidWorkload,VpcCni.PowerShell.Commands.GetVpcCniSubnetPlanCommand'
    }

    It 'refuses a prefix length outside /16-/28 at binding' {
        { Get-VpcCniSubnetPlan -PodsPerNode 10 -NodesPerAz 1 -PrefixLength 30 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,VpcCni.PowerShell.Commands.GetVpcCniSubnetPlanCommand'
    }

    It 'writes Capacity.UnknownInstanceType for an unknown type and goes on' {
        $r = 'zz9.plural', 'm5.large' | Get-VpcCniSubnetPlan -NodesPerAz 1 -PrefixLength 24 -ErrorVariable errs -ErrorAction SilentlyContinue
        @($r).Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'Capacity.UnknownInstanceType,VpcCni.PowerShell.Commands.GetVpcCniSubnetPlanCommand'
    }

    It 'shows table views for the plan and its subnets, and a list with the recommendation' {
        $p = Get-VpcCniSubnetPlan -PodsPerNode 110 -NodesPerAz 50 -GrowthFactor 2.0 -PrefixLength 20
        $text = $p | Format-Table | Out-String -Width 250
        foreach ($h in 'PodsPerNode', 'NodesPerAz', 'Growth', 'AZs', 'RequiredPerAz', 'TotalAddresses', 'Fits', 'Headroom', 'Recommended') { $text | Should -Match $h }
        $text | Should -Match '/18'
        $sub = $p.Subnets | Format-Table | Out-String -Width 250
        foreach ($h in 'Subnet', 'Addresses', 'Usable', 'Required', 'Whole/28s', '/28sNeeded') { $sub | Should -Match ([regex]::Escape($h)) }
        ($p | Format-List | Out-String) | Should -Match 'Recommendation\s*:\s*Does not fit'
    }
}

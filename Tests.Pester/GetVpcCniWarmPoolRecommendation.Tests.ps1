#Requires -Version 7.4
# Get-VpcCniWarmPoolRecommendation: parameters, the guide's example, warnings, pipeline, errors, format.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Cmd = 'Get-VpcCniWarmPoolRecommendation'
}

Describe 'Get-VpcCniWarmPoolRecommendation' -Tag 'Unit' {
    It 'takes InstanceType at position 0, by value and by property name' {
        $p = Get-VpcCniParameterAttribute $script:Cmd InstanceType
        $p.Position | Should -Be 0
        $p.ValueFromPipeline | Should -BeTrue
        $p.ValueFromPipelineByPropertyName | Should -BeTrue
    }

    It 'requires PodsPerNode and ScaleUpPods, by property name, with the alias Burst' {
        foreach ($name in 'PodsPerNode', 'ScaleUpPods') {
            $p = Get-VpcCniParameterAttribute $script:Cmd $name
            $p.Mandatory | Should -BeTrue
            $p.ValueFromPipelineByPropertyName | Should -BeTrue
        }
        (Get-Command $script:Cmd).Parameters['ScaleUpPods'].Aliases | Should -Contain 'Burst'
    }

    It 'declares its output type' {
        (Get-Command $script:Cmd).OutputType.Name | Should -Be 'VpcCni.Engine.Capacity.WarmPoolRecommendation'
    }

    It "reproduces the guide's figures and warns that m5.2xlarge cannot hold them" {
        $r = Get-VpcCniWarmPoolRecommendation m5.2xlarge -PodsPerNode 50 -ScaleUpPods 20 -WarningVariable warns -WarningAction SilentlyContinue
        $r.WarmIpTarget | Should -Be 30
        $r.MinimumIpTarget | Should -Be 80
        $r.WarmEniTarget | Should -Be 1
        $r.FitsInstance | Should -BeFalse
        $warns.Count | Should -Be 2
        "$($warns[0])" | Should -Match 'MINIMUM_IP_TARGET 80 exceeds the 56'
    }

    It 'fits with prefix delegation and emits the ConfigMap keys' {
        $r = Get-VpcCniWarmPoolRecommendation m5.2xlarge -PodsPerNode 50 -ScaleUpPods 20 -PrefixDelegation -WarningVariable warns
        $warns | Should -BeNullOrEmpty
        $r.MinimumPrefixes | Should -Be 5
        $r.ConfigMapData['warm-ip-target'] | Should -Be '30'
        $r.ConfigMapData['minimum-ip-target'] | Should -Be '80'
        $r.ConfigMapData['warm-eni-target'] | Should -Be '1'
        $r.ConfigMapData['enable-prefix-delegation'] | Should -Be 'true'
        $r.EnvironmentVariables['WARM_IP_TARGET'] | Should -Be '30'
    }

    It 'takes names by value and objects by property name' {
        $r = 'm5.large', 'm5.xlarge' | Get-VpcCniWarmPoolRecommendation -PodsPerNode 10 -ScaleUpPods 2
        $r.InstanceType | Should -Be @('m5.large', 'm5.xlarge')
        $w = [pscustomobject]@{ InstanceType = 'm5.xlarge'; PodsPerNode = 20; Burst = 5 } | Get-VpcCniWarmPoolRecommendation
        $w.MinimumIpTarget | Should -Be 35
    }

    It 'takes max-pods results from the pipeline' {
        $r = Get-VpcCniMaxPods m5.xlarge | Get-VpcCniWarmPoolRecommendation -PodsPerNode 20 -ScaleUpPods 5
        $r.MaxPods | Should -Be 58
    }

    It 'writes Capacity.UnknownInstanceType for an unknown type and goes on' {
        $r = 'zz9.plural', 'm5.large' | Get-VpcCniWarmPoolRecommendation -PodsPerNode 5 -ScaleUpPods 1 -ErrorVariable errs -ErrorAction SilentlyContinue
        $r.InstanceType | Should -Be 'm5.large'
        $errs[0].FullyQualifiedErrorId | Should -Be 'Capacity.UnknownInstanceType,VpcCni.PowerShell.Commands.GetVpcCniWarmPoolRecommendationCommand'
    }

    It 'refuses a pod count out of range at binding' {
        { Get-VpcCniWarmPoolRecommendation m5.large -PodsPerNode 0 -ScaleUpPods 1 } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,VpcCni.PowerShell.Commands.GetVpcCniWarmPoolRecommendationCommand'
    }

    It 'shows a table with the targets and a list with the reasoning' {
        $r = Get-VpcCniWarmPoolRecommendation m5.xlarge -PodsPerNode 20 -ScaleUpPods 5
        $text = $r | Format-Table | Out-String -Width 250
        foreach ($h in 'InstanceType', 'PodsPerNode', 'Burst', 'WARM_IP_TARGET', 'MINIMUM_IP_TARGET', 'WARM_ENI_TARGET', 'MaxPods', 'Capacity', 'Fits') { $text | Should -Match ([regex]::Escape($h)) }
        $list = $r | Format-List | Out-String
        $list | Should -Match 'Reasoning\s*:\s*WARM_IP_TARGET = scale-up burst 5'
        $list | Should -Match 'warm-ip-target: "15"'
    }
}

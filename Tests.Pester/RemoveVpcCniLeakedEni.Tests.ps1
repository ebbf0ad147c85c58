#Requires -Version 7.4
# Remove-VpcCniLeakedEni against the published vpc-cni-sim: pipeline from Find, -WhatIf, re-checks.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    Import-Module (Join-Path $PSScriptRoot 'VpcCniOpsTestUtils.psm1') -Force
    $script:Test = Start-LeakedEniTestSimulator $TestDrive
    $script:Sim = $script:Test.Sim
    $script:World = $script:Test.World
}

AfterAll {
    Stop-LeakedEniTestSimulator $script:Test
}

Describe 'Remove-VpcCniLeakedEni' -Tag 'Unit' {
    It '-WhatIf deletes nothing' {
        $eni = New-LeakedEniTestEni $script:Sim.Ec2 $script:World.SubnetId 'i-0123456789abcdef0' -AgeMinutes 30 -Cluster whatif
        Find-VpcCniLeakedEni whatif -Region us-west-2 -EndpointUrl $script:Sim.Ec2 | Remove-VpcCniLeakedEni -WhatIf
        (Find-VpcCniLeakedEni whatif -Region us-west-2 -EndpointUrl $script:Sim.Ec2).NetworkInterfaceId | Should -Be $eni
    }

    It 'deletes what Find pipes in (region and endpoint bind by property name) and reports each' {
        $a = New-LeakedEniTestEni $script:Sim.Ec2 $script:World.SubnetId 'i-0123456789abcdef0' -AgeMinutes 30 -Cluster pipe
        $b = New-LeakedEniTestEni $script:Sim.Ec2 $script:World.SubnetId 'i-0123456789abcdef0' -AgeMinutes 30 -Cluster pipe
        $results = Find-VpcCniLeakedEni pipe -Region us-west-2 -EndpointUrl $script:Sim.Ec2 | Remove-VpcCniLeakedEni -Confirm:$false -ErrorAction Stop
        ($results.NetworkInterfaceId | Sort-Object) | Should -Be (@($a, $b) | Sort-Object)
        ($results.Status | Sort-Object -Unique) | Should -Be 'Deleted'
        Find-VpcCniLeakedEni pipe -Region us-west-2 -EndpointUrl $script:Sim.Ec2 | Should -BeNullOrEmpty
        ($results | Format-Table | Out-String -Width 200) | Should -Match 'Status'
    }

    It 'reports an ENI already gone as AlreadyGone and leaves one that is not the CNI''s (Skipped, with a warning)' {
        $gone = New-LeakedEniTestEni $script:Sim.Ec2 $script:World.SubnetId 'i-0123456789abcdef0' -AgeMinutes 30 -Cluster gone
        Remove-VpcCniLeakedEni $gone -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -Confirm:$false | Out-Null
        (Remove-VpcCniLeakedEni $gone -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -Confirm:$false).Status | Should -Be 'AlreadyGone'
        $primary = $script:World.PrimaryEniId
        $r = Remove-VpcCniLeakedEni $primary -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -Confirm:$false -WarningVariable w -WarningAction SilentlyContinue
        $r.Status | Should -Be 'Skipped'
        $w | Should -Not -BeNullOrEmpty
    }

    It 'is ConfirmImpact High and takes ids by value and by property name' {
        (Get-Command Remove-VpcCniLeakedEni).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        $attr = Get-VpcCniParameterAttribute Remove-VpcCniLeakedEni NetworkInterfaceId
        $attr.ValueFromPipeline | Should -BeTrue
        $attr.ValueFromPipelineByPropertyName | Should -BeTrue
        { Remove-VpcCniLeakedEni 'not-an-eni' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

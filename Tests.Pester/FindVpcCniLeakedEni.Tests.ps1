#Requires -Version 7.4
# Find-VpcCniLeakedEni against the published vpc-cni-sim, with ENIs made through its EC2 API as the
# node's ENI provider makes them (description aws-K8S-<instance>, instance_id/createdAt/cluster tags).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    Import-Module (Join-Path $PSScriptRoot 'VpcCniOpsTestUtils.psm1') -Force
    $script:Test = Start-LeakedEniTestSimulator $TestDrive
    $script:Sim = $script:Test.Sim
    $world = $script:Test.World
    $script:Old = New-LeakedEniTestEni $script:Sim.Ec2 $world.SubnetId $world.InstanceId -AgeMinutes 30 -Cluster prod
    $script:Young = New-LeakedEniTestEni $script:Sim.Ec2 $world.SubnetId $world.InstanceId -AgeMinutes 1 -Cluster prod
    $script:Orphan = New-LeakedEniTestEni $script:Sim.Ec2 $world.SubnetId 'i-0123456789abcdef0' -AgeMinutes 1 -Cluster prod
    $script:Other = New-LeakedEniTestEni $script:Sim.Ec2 $world.SubnetId 'i-0123456789abcdef0' -AgeMinutes 30 -Cluster test
}

AfterAll {
    Stop-LeakedEniTestSimulator $script:Test
}

Describe 'Find-VpcCniLeakedEni' -Tag 'Unit' {
    It 'finds the old ENI of a live instance and the young ENI of a gone one, in the given cluster only' {
        $found = Find-VpcCniLeakedEni -ClusterName prod -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -ErrorAction Stop
        ($found.NetworkInterfaceId | Sort-Object) | Should -Be (@($script:Old, $script:Orphan) | Sort-Object)
        ($found | Where-Object NetworkInterfaceId -EQ $script:Orphan).Reason | Should -Be 'InstanceGone'
        ($found | Where-Object NetworkInterfaceId -EQ $script:Orphan).InstanceState | Should -Be 'missing'
        ($found | Where-Object NetworkInterfaceId -EQ $script:Old).Reason | Should -Be 'OlderThanGracePeriod'
        $found[0].Region | Should -Be 'us-west-2'
    }

    It 'without -ClusterName looks at every cluster; a longer grace period spares the old ENI of a live instance' {
        (Find-VpcCniLeakedEni -Region us-west-2 -EndpointUrl $script:Sim.Ec2).NetworkInterfaceId | Should -Contain $script:Other
        (Find-VpcCniLeakedEni -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -GracePeriod (New-TimeSpan -Hours 1)).NetworkInterfaceId |
            Should -Not -Contain $script:Old
    }

    It 'binds the endpoint from a simulation-like object by property name (Ec2Endpoint)' {
        $found = [pscustomobject]@{ Ec2Endpoint = $script:Sim.Ec2; Region = 'us-west-2' } | Find-VpcCniLeakedEni -ErrorAction Stop
        $found.NetworkInterfaceId | Should -Contain $script:Old
        ($found | Format-Table | Out-String -Width 200) | Should -Match 'InstanceState'
    }

    It 'reports a negative grace period as LeakedEni.InvalidGracePeriod, an unknown profile as Workstation.ProfileNotFound' {
        { Find-VpcCniLeakedEni -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -GracePeriod (New-TimeSpan -Minutes -1) -ErrorAction Stop } |
            Should -Throw -ErrorId 'LeakedEni.InvalidGracePeriod,VpcCni.PowerShell.Commands.FindVpcCniLeakedEniCommand'
        $env:AWS_CONFIG_FILE = Join-Path $TestDrive 'none'; $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $TestDrive 'none'
        try {
            { Find-VpcCniLeakedEni -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -ProfileName nosuch -ErrorAction Stop } |
                Should -Throw -ErrorId 'Workstation.ProfileNotFound,VpcCni.PowerShell.Commands.FindVpcCniLeakedEniCommand'
        }
        finally { Remove-Item Env:AWS_CONFIG_FILE, Env:AWS_SHARED_CREDENTIALS_FILE }
    }

    It 'an unreachable EC2 is Ec2.Unreachable' {
        Find-VpcCniLeakedEni -Region us-west-2 -EndpointUrl http://127.0.0.1:1 -ErrorVariable e -ErrorAction SilentlyContinue | Out-Null
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Ec2.Unreachable,*'
    }
}

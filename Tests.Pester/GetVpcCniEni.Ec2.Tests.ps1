#Requires -Version 7.4
# Get-VpcCniEni -InstanceId: what EC2 shows attached to an instance, from the published vpc-cni-sim.

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

Describe 'Get-VpcCniEni -InstanceId' -Tag 'Unit' {
    It 'lists the instance''s attached ENIs from EC2, primary first, in the EC2 table view' {
        $enis = Get-VpcCniEni -InstanceId $script:World.InstanceId -Region us-west-2 -EndpointUrl $script:Sim.Ec2 -ErrorAction Stop
        $enis[0].NetworkInterfaceId | Should -Be $script:World.PrimaryEniId
        $enis[0].Attachment.DeviceIndex | Should -Be 0
        $enis[0].GetType().FullName | Should -Be 'VpcCni.Engine.Aws.Ec2NetworkInterface'
        ($enis | Format-Table | Out-String -Width 200) | Should -Match 'PrimaryIp'
        Get-VpcCniEni -InstanceId $script:World.InstanceId -EniId 'eni-nomatch*' -Region us-west-2 -EndpointUrl $script:Sim.Ec2 | Should -BeNullOrEmpty
    }

    It 'takes the EC2 endpoint from a piped object''s Ec2Endpoint, as a simulation has it' {
        $enis = [pscustomobject]@{ Ec2Endpoint = $script:Sim.Ec2 } | Get-VpcCniEni -InstanceId $script:World.InstanceId -Region us-west-2 -ErrorAction Stop
        $enis[0].NetworkInterfaceId | Should -Be $script:World.PrimaryEniId
    }

    It 'has its own parameter set, and the node set stays the default' {
        $cmd = Get-Command Get-VpcCniEni
        $cmd.DefaultParameterSet | Should -Be 'Node'
        ($cmd.ParameterSets | Where-Object Name -EQ 'Ec2').Parameters.Name | Should -Contain 'ProfileName'
        ($cmd.ParameterSets | Where-Object Name -EQ 'Ec2').Parameters.Name | Should -Not -Contain 'IncludeAddress'
    }

    It 'a malformed instance id is refused before EC2 is asked' {
        { Get-VpcCniEni -InstanceId 'bogus' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
    }
}

# Helpers of the operations suites (leaked ENIs, EC2 from a workstation, node install): a scenario, dummy credentials, ENIs made through the simulator's EC2 query API, stand-in binaries.

# Start-VpcCniSimulator and Stop-VpcCniSimulator come from the shared helpers.
Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1')

function New-LeakedEniScenario([string] $Directory) {
    $path = Join-Path $Directory 'leaked.json'
    '{ "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/19" } ], "instances": [ { "instanceType": "m5.large" } ] }' |
        Set-Content $path
    return $path
}

function Set-LeakedEniTestCredential {
    # The simulator checks no signature; the SDK still needs credentials to sign with.
    $saved = @{ Id = $env:AWS_ACCESS_KEY_ID; Secret = $env:AWS_SECRET_ACCESS_KEY; Profile = $env:AWS_PROFILE }
    $env:AWS_ACCESS_KEY_ID = 'test'; $env:AWS_SECRET_ACCESS_KEY = 'test'
    Remove-Item Env:AWS_PROFILE -ErrorAction Ignore
    return $saved
}

function Restore-LeakedEniTestCredential($Saved) {
    $env:AWS_ACCESS_KEY_ID = $Saved.Id; $env:AWS_SECRET_ACCESS_KEY = $Saved.Secret; $env:AWS_PROFILE = $Saved.Profile
}

function Invoke-SimEc2([string] $Ec2, [hashtable] $Query) {
    $Query['Version'] = '2016-11-15'
    Invoke-RestMethod -Method Post -Uri $Ec2 -Body $Query
}

function Get-LeakedEniWorld([string] $Ec2) {
    $subnet = @((Invoke-SimEc2 $Ec2 @{ Action = 'DescribeSubnets' }).DescribeSubnetsResponse.subnetSet.item)[0].subnetId
    $instance = @((Invoke-SimEc2 $Ec2 @{ Action = 'DescribeInstances' }).DescribeInstancesResponse.reservationSet.item)[0].instancesSet.item
    [pscustomobject]@{ SubnetId = $subnet; InstanceId = $instance.instanceId; PrimaryEniId = @($instance.networkInterfaceSet.item)[0].networkInterfaceId }
}

function New-LeakedEniTestEni([string] $Ec2, [string] $SubnetId, [string] $Owner, [int] $AgeMinutes, [string] $Cluster) {
    $created = [DateTime]::UtcNow.AddMinutes(-$AgeMinutes).ToString('yyyy-MM-ddTHH:mm:ssZ')
    $query = @{
        Action = 'CreateNetworkInterface'; SubnetId = $SubnetId; Description = "aws-K8S-$Owner"
        'TagSpecification.1.ResourceType' = 'network-interface'
        'TagSpecification.1.Tag.1.Key' = 'node.k8s.amazonaws.com/instance_id'; 'TagSpecification.1.Tag.1.Value' = $Owner
        'TagSpecification.1.Tag.2.Key' = 'node.k8s.amazonaws.com/createdAt'; 'TagSpecification.1.Tag.2.Value' = $created
        'TagSpecification.1.Tag.3.Key' = 'cluster.k8s.amazonaws.com/name'; 'TagSpecification.1.Tag.3.Value' = $Cluster
    }
    (Invoke-SimEc2 $Ec2 $query).CreateNetworkInterfaceResponse.networkInterface.networkInterfaceId
}

function Start-LeakedEniTestSimulator([string] $Directory) {
    <# Dummy credentials and the published vpc-cni-sim with one m5.large; returns Sim (Ec2 endpoint), World and the saved credentials. #>
    $saved = Set-LeakedEniTestCredential
    $sim = Start-VpcCniSimulator -Scenario (New-LeakedEniScenario $Directory)
    [pscustomobject]@{ Sim = $sim; Ec2 = $sim.Ec2; World = Get-LeakedEniWorld $sim.Ec2; Saved = $saved }
}

function Stop-LeakedEniTestSimulator($Test) {
    if ($Test) {
        Stop-VpcCniSimulator $Test.Sim
        Restore-LeakedEniTestCredential $Test.Saved
    }
}

function New-NodeInstallTestSource([string] $Directory) {
    <# Stand-in binaries for Install-VpcCniNode -SourcePath. #>
    $source = Join-Path $Directory 'bin'
    New-Item -ItemType Directory $source -Force | Out-Null
    Set-Content (Join-Path $source 'vpc-cni') 'plugin'
    Set-Content (Join-Path $source 'vpc-cni-node') 'node'
    return $source
}

Export-ModuleMember -Function New-LeakedEniTestEni, Start-LeakedEniTestSimulator, Stop-LeakedEniTestSimulator, New-NodeInstallTestSource

# Helpers of the leaked-ENI suites: a scenario, dummy credentials, and ENIs made through the simulator's EC2 query API.

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

Export-ModuleMember -Function New-LeakedEniScenario, Set-LeakedEniTestCredential, Restore-LeakedEniTestCredential, Get-LeakedEniWorld, New-LeakedEniTestEni

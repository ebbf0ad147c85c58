#Requires -Version 7.4
# Get-VpcCniMaxPods and Get-VpcCniInstanceLimit asking AWS: against the published vpc-cni-sim, whose
# scenario declares zz1.large (a type the built-in table does not know) and runs one instance of it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    $script:ModulePath = Get-VpcCniTestModulePath
    Import-Module $script:ModulePath -ErrorAction Stop
    $scenario = Join-Path $TestDrive 'zz1.json'
    @'
{
  "vpc": { "cidrBlocks": ["10.0.0.0/16"] },
  "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/19" } ],
  "instanceTypes": [ { "instanceType": "zz1.large", "eniLimit": 4, "ipv4PerEni": 12, "hypervisor": "nitro", "vCpus": 2 } ],
  "instances": [ { "instanceType": "zz1.large" } ]
}
'@ | Set-Content $scenario
    $script:Sim = Start-VpcCniSimulator -Scenario $scenario

    function Invoke-WithDummyCredential([string] $Command) {
        # A clean process: dummy credentials in its environment only (the simulator checks no signature).
        $script = "`$env:AWS_ACCESS_KEY_ID = 'test'; `$env:AWS_SECRET_ACCESS_KEY = 'test'; Remove-Item Env:AWS_PROFILE -ErrorAction Ignore; " +
            "Import-Module '$script:ModulePath'; $Command"
        Invoke-ChildPwsh $script | ForEach-Object { "$_" }
    }
}

AfterAll {
    Stop-VpcCniSimulator $script:Sim
}

Describe 'AWS parameters' -Tag 'Unit' {
    It '<Command> has -FromImds only in its own parameter set, where it is mandatory' -ForEach @(
        @{ Command = 'Get-VpcCniMaxPods' }, @{ Command = 'Get-VpcCniInstanceLimit' }
    ) {
        $cmd = Get-Command $Command
        $cmd.DefaultParameterSet | Should -Be 'ByType'
        $fromImds = $cmd.ParameterSets | Where-Object Name -EQ 'FromImds'
        ($fromImds.Parameters | Where-Object Name -EQ 'FromImds').IsMandatory | Should -BeTrue
        $fromImds.Parameters.Name | Should -Not -Contain 'InstanceType'
        foreach ($name in 'Region', 'EndpointUrl', 'ImdsEndpoint') {
            $cmd.Parameters[$name].ParameterType | Should -Be ([string])
            $cmd.Parameters[$name].ParameterSets.Keys | Should -Contain '__AllParameterSets'
        }
    }

    It 'refuses -FromImds together with an instance type' {
        { Get-VpcCniMaxPods -InstanceType m5.large -FromImds } | Should -Throw -ErrorId 'AmbiguousParameterSet,VpcCni.PowerShell.Commands.GetVpcCniMaxPodsCommand'
    }

    It 'does not ask AWS without an AWS parameter: an unknown type stays Capacity.UnknownInstanceType' {
        Get-VpcCniMaxPods zz1.large -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Capacity.UnknownInstanceType,*'
    }
}

Describe 'Asking the simulator' -Tag 'Integration' {
    It 'Get-VpcCniMaxPods resolves a type outside the table through EC2' {
        $out = Invoke-WithDummyCredential ("Get-VpcCniMaxPods zz1.large -EndpointUrl $($script:Sim.Ec2) -Region us-west-2 " +
            "| Select-Object InstanceType, RawMaxPods, @{ n = 'Source'; e = { `"`$(`$_.LimitsSource)`" } } | ConvertTo-Json -Compress")
        $r = ($out | Where-Object { $_.StartsWith('{') }) | ConvertFrom-Json
        $r.InstanceType | Should -Be 'zz1.large'
        $r.RawMaxPods | Should -Be (4 * 11 + 2)
        $r.Source | Should -Be 'Ec2'
    }

    It 'Get-VpcCniMaxPods -FromImds takes the type and region from IMDS' {
        $out = Invoke-WithDummyCredential ("Get-VpcCniMaxPods -FromImds -ImdsEndpoint $($script:Sim.Imds) -EndpointUrl $($script:Sim.Ec2) -PrefixDelegation -ShowMaxAllowed " +
            "| Select-Object InstanceType, MaxPods, @{ n = 'Source'; e = { `"`$(`$_.LimitsSource)`" } } | ConvertTo-Json -Compress")
        $r = ($out | Where-Object { $_.StartsWith('{') }) | ConvertFrom-Json
        $r.InstanceType | Should -Be 'zz1.large'
        $r.MaxPods | Should -Be (4 * 11 * 16 + 2)
        $r.Source | Should -Be 'Ec2'
    }

    It 'Get-VpcCniInstanceLimit returns the limits EC2 describes' {
        $out = Invoke-WithDummyCredential "Get-VpcCniInstanceLimit zz1.large, m5.large -EndpointUrl $($script:Sim.Ec2) -Region us-west-2 | Select-Object InstanceType, EniLimit, Ipv4PerEni | ConvertTo-Json -Compress"
        $r = ($out | Where-Object { $_.StartsWith('[') }) | ConvertFrom-Json
        $r[0].InstanceType | Should -Be 'zz1.large'
        $r[0].EniLimit | Should -Be 4
        $r[0].Ipv4PerEni | Should -Be 12
        $r[1].EniLimit | Should -Be 3
    }

    It 'writes Capacity.UnknownInstanceType for a type neither the table nor EC2 knows, and goes on' {
        $out = Invoke-WithDummyCredential ("`$r = Get-VpcCniMaxPods zz9.huge, zz1.large -EndpointUrl $($script:Sim.Ec2) -Region us-west-2 -ErrorVariable e -ErrorAction SilentlyContinue; " +
            "'ID=' + `$e[0].FullyQualifiedErrorId; 'N=' + @(`$r).Count")
        $out | Should -Contain 'N=1'
        ($out | Where-Object { $_ -like 'ID=*' }) | Should -BeLike 'ID=Capacity.UnknownInstanceType,*'
    }

    It 'stops with Ec2.Unreachable when the EC2 endpoint does not answer' {
        $out = Invoke-WithDummyCredential ("try { Get-VpcCniMaxPods zz1.large -EndpointUrl http://127.0.0.1:1 -Region us-west-2 -ErrorAction Stop } " +
            "catch { 'ID=' + `$_.FullyQualifiedErrorId }")
        ($out | Where-Object { $_ -like 'ID=*' }) | Should -BeLike 'ID=Ec2.Unreachable,*'
    }

    It 'stops with Imds.Unreachable when IMDS does not answer' {
        $out = Invoke-WithDummyCredential "try { Get-VpcCniInstanceLimit -FromImds -ImdsEndpoint http://127.0.0.1:1 -ErrorAction Stop } catch { 'ID=' + `$_.FullyQualifiedErrorId }"
        ($out | Where-Object { $_ -like 'ID=*' }) | Should -BeLike 'ID=Imds.Unreachable,*'
    }
}

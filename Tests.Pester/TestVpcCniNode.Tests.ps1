#Requires -Version 7.4
# Test-VpcCniNode against real simulated nodes (vpc-cni-node run --simulate): a healthy node passes,
# a missing IAM action (the simulator's allow-list) and an exhausted subnet fail, and the kernel
# checks of a simulated host network say they cannot judge it. A broken rule on a real host network
# is proven in xunit (tests/VpcCni.Plugin.Tests/Diagnostics, root lane).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    # The simulator checks no signature; the SDK only needs some credentials to sign with.
    $script:SavedKey = $env:AWS_ACCESS_KEY_ID; $script:SavedSecret = $env:AWS_SECRET_ACCESS_KEY
    $env:AWS_ACCESS_KEY_ID = 'test'; $env:AWS_SECRET_ACCESS_KEY = 'test'
    $script:Sim = Start-VpcCniSimulation -ErrorAction Stop
    $script:Kernel = 'PodRoutes', 'SnatRules', 'RpFilter', 'Mtu'

    function script:Set-AllowedAction([object] $Sim, [string[]] $Actions) {
        $uri = [Uri]::new([Uri] $Sim.ControlEndpoint, '/_sim/iam')
        $body = @{ allowedActions = $Actions } | ConvertTo-Json -Compress
        Invoke-RestMethod -Method Post -Uri $uri -Body $body -ContentType 'application/json' | Out-Null
    }
}

AfterAll {
    $script:Sim | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
    $env:AWS_ACCESS_KEY_ID = $script:SavedKey; $env:AWS_SECRET_ACCESS_KEY = $script:SavedSecret
}

Describe 'Test-VpcCniNode' -Tag 'Simulation' {
    It 'declares its output, binds the node by property name and completes -Check' {
        (Get-Command Test-VpcCniNode).OutputType.Name | Should -Be 'VpcCni.Engine.Diagnostics.Checks.NodeCheckResult'
        foreach ($name in 'Endpoint', 'Ec2Endpoint', 'ImdsEndpoint', 'CheckpointPath') {
            (Get-VpcCniParameterAttribute 'Test-VpcCniNode' $name).ValueFromPipelineByPropertyName | Should -BeTrue
        }
        $words = (TabExpansion2 -inputScript 'Test-VpcCniNode -Check Iam' -cursorColumn 'Test-VpcCniNode -Check Iam'.Length).CompletionMatches
        $words.CompletionText | Should -Contain 'IamPermissions'
    }

    It 'passes every check of a healthy simulated node with a pod and says the kernel checks cannot judge it' {
        Add-VpcCniTestPod -IpamSocket $script:Sim.IpamSocket -Name 'web-1' | Should -Match '^\d+\.\d+\.\d+\.\d+$'
        $results = @($script:Sim | Test-VpcCniNode)
        $results.Count | Should -Be 11
        foreach ($r in $results | Where-Object Name -notin $script:Kernel) {
            "$($r.Name) $($r.Status) $($r.Detail)" | Should -BeLike "$($r.Name) Pass *"
        }
        foreach ($r in $results | Where-Object Name -in $script:Kernel) {
            $r.Status | Should -Be 'Warn'
            $r.Detail | Should -BeLike 'Not checkable: simulated host network*'
        }
    }

    It 'fails the IAM check naming the action the role lacks, with the statement to add' {
        $actions = (Get-VpcCniIamPolicy).Actions | ForEach-Object { $_ -replace '^ec2:' }
        Set-AllowedAction $script:Sim ($actions | Where-Object { $_ -ne 'DetachNetworkInterface' })
        try {
            $r = $script:Sim | Test-VpcCniNode -Check IamPermissions
            $r.Status | Should -Be 'Fail'
            $r.Detail | Should -BeLike 'Denied: ec2:DetachNetworkInterface *'
            $r.Remedy | Should -BeLike '*"ec2:DetachNetworkInterface"*'
        }
        finally { Set-AllowedAction $script:Sim $null }
    }

    It 'fails the subnet check when the node''s subnet has no free address' {
        $dir = Join-Path ([IO.Path]::GetTempPath()) "vpccni-pester-$([guid]::NewGuid().ToString('N'))"
        New-Item -ItemType Directory $dir | Out-Null
        $scenario = Join-Path $dir 'tiny.json'
        @'
{
  "vpc": { "cidrBlocks": ["10.0.0.0/16"] },
  "subnets": [ { "availabilityZone": "us-west-2a", "cidrBlock": "10.0.0.0/28" } ],
  "instances": [
    { "instanceType": "m5.large", "availabilityZone": "us-west-2a" },
    { "instanceType": "t3.small", "availabilityZone": "us-west-2a" }
  ]
}
'@ | Set-Content $scenario
        $tiny = Start-VpcCniSimulation -Scenario $scenario -ErrorAction Stop
        try {
            $r = $tiny | Test-VpcCniNode -Check SubnetCapacity, IpExhaustion
            $r[0].Name | Should -Be 'SubnetCapacity'
            $r[0].Status | Should -Be 'Fail'
            $r[0].Detail | Should -BeLike 'No room for an address in subnet-*0 free*'
        }
        finally {
            $tiny | Stop-VpcCniSimulation -ErrorAction SilentlyContinue
            Remove-Item $dir -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'shows a table of name, status and detail' {
        $text = $script:Sim | Test-VpcCniNode -Check Imds | Format-Table | Out-String -Width 200
        foreach ($h in 'Name', 'Status', 'Detail') { $text | Should -Match $h }
    }

    It 'refuses an unknown check name with NodeCheck.UnknownCheck' {
        { $script:Sim | Test-VpcCniNode -Check Nonsense -ErrorAction Stop } | Should -Throw -ErrorId 'NodeCheck.UnknownCheck,VpcCni.PowerShell.Commands.TestVpcCniNodeCommand'
    }
}

#Requires -Version 7.4
# Get-VpcCniIamPolicy: the generated least-privilege policy, as an object and as the JSON IAM takes.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
}

Describe 'Get-VpcCniIamPolicy' {
    It 'returns the IPv4 document by default, granting no Describe the engine never calls' {
        $p = Get-VpcCniIamPolicy
        $p.Version | Should -Be '2012-10-17'
        $p.Actions | Should -Contain 'ec2:AssignPrivateIpAddresses'
        $p.Actions | Should -Not -Contain 'ec2:DescribeTags'
        $p.Actions | Should -Not -Contain 'ec2:DescribeSecurityGroups'
    }

    It 'writes JSON that parses to Version and Statement only' {
        $json = Get-VpcCniIamPolicy -ClusterName prod -AsJson | ConvertFrom-Json
        @($json.PSObject.Properties.Name) | Should -Be @('Version', 'Statement')
        $tagged = $json.Statement | Where-Object { $_.Action -contains 'ec2:DeleteNetworkInterface' }
        $tagged.Condition.StringEquals.'aws:ResourceTag/cluster.k8s.amazonaws.com/name' | Should -Be 'prod'
    }

    It 'gives the IPv6 policy without ENI creation' {
        (Get-VpcCniIamPolicy IPv6).Actions | Should -Not -Contain 'ec2:CreateNetworkInterface'
    }

    It 'shows a table of the document and of its statements' {
        (Get-VpcCniIamPolicy | Format-Table | Out-String -Width 300) | Should -Match 'Statements'
        (Get-VpcCniIamPolicy).Statement | Format-Table | Out-String -Width 300 | Should -Match 'Sid'
    }

    It 'refuses an unknown family before doing anything' {
        { Get-VpcCniIamPolicy -IpFamily IPv5 -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentValidationError,VpcCni.PowerShell.Commands.GetVpcCniIamPolicyCommand'
    }
}

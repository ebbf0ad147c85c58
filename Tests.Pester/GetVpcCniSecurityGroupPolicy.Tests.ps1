#Requires -Version 7.4
# Get-VpcCniSecurityGroupPolicy: offline from manifest files and labels, and against the simulator's
# loopback Kubernetes API server holding the user guide's policy and a pod.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    Import-Module (Get-VpcCniTestModulePath) -ErrorAction Stop
    $script:Policy = Join-Path $PSScriptRoot '../tests/VpcCni.Engine.Tests/Manifests/UserGuide/securitygrouppolicy-by-pod-labels.yaml'
    $script:Dir = Join-Path ([IO.Path]::GetTempPath()) "vpccni-sgp-$PID"
    New-Item -ItemType Directory -Force $script:Dir | Out-Null
    $script:ByAccount = Join-Path $script:Dir 'by-account.yaml'
    @'
apiVersion: vpcresources.k8s.aws/v1beta1
kind: SecurityGroupPolicy
metadata: {name: payments-by-account, namespace: production}
spec:
  serviceAccountSelector:
    matchLabels: {team: payments}
  securityGroups: {groupIds: [sg-0aaaaaaaaaaaaaaaa]}
'@ | Set-Content $script:ByAccount
    $pods = Join-Path $script:Dir 'pods.yaml'
    @'
apiVersion: v1
kind: Pod
metadata: {name: database-client-0, namespace: production, labels: {app: database-client, tier: backend}}
spec: {serviceAccountName: payments-api, nodeName: ip-10-0-1-10, containers: [{name: app, image: myapp:latest}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web-0, namespace: production, labels: {app: web}}
spec: {nodeName: ip-10-0-1-10, containers: [{name: app, image: web:latest}]}
'@ | Set-Content $pods
    # The guide's file also holds the Deployment the policy is written for, a kind the loopback server does not serve.
    $policyOnly = Join-Path $script:Dir 'policy.yaml'
    ((Get-Content -Raw $script:Policy) -split '\n---\n')[0] | Set-Content $policyOnly
    $script:Kubeconfig = Join-Path $script:Dir 'kubeconfig'
    $bin = Join-Path (Split-Path (Split-Path (Get-VpcCniTestModulePath))) 'bin/vpc-cni-sim'
    $info = [System.Diagnostics.ProcessStartInfo]::new($bin)
    foreach ($a in '--port', '0', '--kubernetes', '--write-kubeconfig', $script:Kubeconfig, '--manifest', $policyOnly, $script:ByAccount, $pods) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $script:Api = [System.Diagnostics.Process]::Start($info)
    while ($null -ne ($line = $script:Api.StandardOutput.ReadLine()) -and $line -notlike 'Serving until*') { }
    if (-not (Test-Path $script:Kubeconfig)) { throw "vpc-cni-sim --kubernetes wrote no kubeconfig: $($script:Api.StandardError.ReadToEnd())" }
}

AfterAll {
    if ($script:Api -and -not $script:Api.HasExited) { $script:Api.Kill(); $script:Api.WaitForExit() }
    Remove-Item $script:Dir -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-VpcCniSecurityGroupPolicy from a cluster' -Tag 'Kubernetes' {
    It 'says the guide''s policy selects the pod by its labels, with both groups' {
        $matches = @(Get-VpcCniSecurityGroupPolicy database-client-0 -Namespace production -Kubeconfig $script:Kubeconfig)
        $byLabels = $matches | Where-Object { $_.Policy.Name -eq 'database-app-sgp' }
        $byLabels.Selected | Should -BeTrue
        $byLabels.PodSelectorMatched | Should -BeTrue
        $byLabels.ServiceAccountSelectorMatched | Should -BeNullOrEmpty
        $byLabels.Policy.GroupIds | Should -Be 'sg-0123456789abcdef0', 'sg-0fedcba9876543210'
        $byLabels.Reason | Should -Match '^Selected: pod labels match'
    }

    It 'reads the pod''s service account from the pod and says when its labels cannot be read' {
        $byAccount = Get-VpcCniSecurityGroupPolicy database-client-0 -Namespace production -Kubeconfig $script:Kubeconfig | Where-Object { $_.Policy.Name -eq 'payments-by-account' }
        $byAccount.Subject.ServiceAccountName | Should -Be 'payments-api'
        if (-not $byAccount.Subject.ServiceAccountFound) { $byAccount.Reason | Should -Match 'not found' }
    }

    It 'takes pods from the pipeline by PodName and PodNamespace' {
        $pods = [pscustomobject]@{ PodName = 'web-0'; PodNamespace = 'production' }, [pscustomobject]@{ PodName = 'database-client-0'; PodNamespace = 'production' }
        $selected = $pods | Get-VpcCniSecurityGroupPolicy -Kubeconfig $script:Kubeconfig | Where-Object Selected
        @($selected | Where-Object { $_.Subject.PodName -eq 'web-0' }).Count | Should -Be 0
        @($selected | Where-Object { $_.Subject.PodName -eq 'database-client-0' }).Count | Should -BeGreaterThan 0
    }

    It 'reports a missing pod as SecurityGroupPolicy.PodNotFound and goes on' {
        Get-VpcCniSecurityGroupPolicy nobody -Namespace production -Kubeconfig $script:Kubeconfig -ErrorVariable errs -ErrorAction SilentlyContinue
        $errs[0].FullyQualifiedErrorId | Should -Be 'SecurityGroupPolicy.PodNotFound,VpcCni.PowerShell.Commands.GetVpcCniSecurityGroupPolicyCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'reports an API server that does not answer as SecurityGroupPolicy.ClusterRequestFailed' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $dead = Join-Path $script:Dir 'dead-kubeconfig'
        (Get-Content -Raw $script:Kubeconfig) -replace 'http://127\.0\.0\.1:\d+', "http://127.0.0.1:$port" | Set-Content $dead
        { Get-VpcCniSecurityGroupPolicy web-0 -Namespace production -Kubeconfig $dead -ErrorAction Stop } |
            Should -Throw -ErrorId 'SecurityGroupPolicy.ClusterRequestFailed,VpcCni.PowerShell.Commands.GetVpcCniSecurityGroupPolicyCommand'
    }
}

Describe 'Get-VpcCniSecurityGroupPolicy from files' -Tag 'Unit' {
    It 'selects by pod labels offline' {
        $m = Get-VpcCniSecurityGroupPolicy web-1 -Namespace production -Path $script:Policy -PodLabel @{ app = 'database-client'; tier = 'backend' }
        $m.Selected | Should -BeTrue
        $m.Policy.GroupIds.Count | Should -Be 2
    }

    It 'selects by service account labels offline, and not without them' {
        (Get-VpcCniSecurityGroupPolicy api-0 -Namespace production -Path $script:ByAccount -ServiceAccount payments-api -ServiceAccountLabel @{ team = 'payments' }).Selected | Should -BeTrue
        $no = Get-VpcCniSecurityGroupPolicy api-0 -Namespace production -Path $script:ByAccount
        $no.Selected | Should -BeFalse
        $no.Reason | Should -Match "service account 'default' do not match team=payments"
    }

    It 'counts only policies of the pod''s namespace' {
        Get-VpcCniSecurityGroupPolicy web-1 -Namespace staging -Path $script:Policy, $script:ByAccount | Should -BeNullOrEmpty
    }

    It 'shows a table with pod, policy, verdicts, groups and reason' {
        $text = Get-VpcCniSecurityGroupPolicy web-1 -Namespace production -Path $script:Policy -PodLabel @{ app = 'x' } | Format-Table | Out-String -Width 300
        foreach ($h in 'Pod', 'Policy', 'Selected', 'ByLabels', 'ByServiceAccount', 'GroupIds', 'Reason') { $text | Should -Match $h }
        $text | Should -Match 'production/web-1\s+database-app-sgp\s+False\s+False\s+-'
    }

    It 'refuses a file that is not a manifest with SecurityGroupPolicy.InvalidManifest' {
        $bad = Join-Path $script:Dir 'bad.yaml'
        'key: [unclosed' | Set-Content $bad
        { Get-VpcCniSecurityGroupPolicy web-1 -Path $bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'SecurityGroupPolicy.InvalidManifest,VpcCni.PowerShell.Commands.GetVpcCniSecurityGroupPolicyCommand'
    }

    It 'has a Cluster and a Path parameter set with -Pod first and by property name' {
        $cmd = Get-Command Get-VpcCniSecurityGroupPolicy
        $cmd.ParameterSets.Name | Sort-Object | Should -Be 'Cluster', 'Path'
        $attr = Get-VpcCniParameterAttribute -Command Get-VpcCniSecurityGroupPolicy -Parameter Pod
        $attr.Position | Should -Be 0
        $attr.ValueFromPipelineByPropertyName | Should -BeTrue
        $cmd.Parameters.Pod.Aliases | Should -Contain 'PodName'
    }

    It 'has a synopsis, an example, and documents exactly its parameters' {
        $help = Get-Help Get-VpcCniSecurityGroupPolicy -Full
        $help.Synopsis | Should -Not -Match '^\s*Get-VpcCni'
        @($help.Examples.Example)[0].Code | Should -Match 'Get-VpcCniSecurityGroupPolicy'
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        (@($help.Parameters.Parameter).Name | Sort-Object) | Should -Be ((Get-Command Get-VpcCniSecurityGroupPolicy).Parameters.Values.Name | Where-Object { $_ -notin $common } | Sort-Object)
    }
}

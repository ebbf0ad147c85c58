#Requires -Version 7.4
# The README's main command runs examples/Invoke-VpcCniDemo.ps1: it must show the three tables, make
# its warm-pool change, and leave no node process, run directory or network namespace behind. As root
# (CI) its pods go through the real CNI plugin in throwaway namespaces; -PodsThrough Rpc is the path
# everyone else gets.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    $script:ModulePath = Get-VpcCniTestModulePath
    $script:Demo = Join-Path $PSScriptRoot '../examples/Invoke-VpcCniDemo.ps1'
}

Describe 'examples/Invoke-VpcCniDemo.ps1' -Tag 'Simulation' {
    BeforeAll {
        # Everything the demo shows goes to the child's stdout: Write-Host and the tables (Out-Host), in order.
        $script:Output = (Invoke-ChildPwsh "`$PSStyle.OutputRendering = 'PlainText'; & '$script:Demo' -ModulePath '$script:ModulePath' -PodCount 3 -WarmIpTarget 9") -join "`n"
        $script:IsRoot = $IsLinux -and ((& id -u) -eq '0')
    }

    It 'starts its pods through the real plugin in throwaway namespaces when root, and they reach each other' {
        if (-not $script:IsRoot) {
            if ($env:CI -eq 'true') { throw 'CI runs as root: the demo must take the plugin path there.' }
            $script:Output | Should -Match "through the node's IPAM socket"
            return
        }
        $script:Output | Should -Match 'pods through the CNI plugin \(.*vpc-cni\) in throwaway network namespaces'
        $script:Output | Should -Match 'PodName\s+NetworkNamespace\s+Address\s+HostVeth'
        $script:Output | Should -Match 'web-1 reaches web-2 at 10\.\d+\.\d+\.\d+'
        $script:Output | Should -Match 'Deleting the pods through the CNI plugin'
        $null = $script:Output -match 'network namespaces (vpccni-demo-\w+)-node'
        (& ip netns list) -join "`n" | Should -Not -Match $Matches[1]
    }

    It 'shows the ENI, pod and warm-pool tables' {
        $script:Output | Should -Match 'EniId\s+Device\s+Subnet'
        $script:Output | Should -Match 'Namespace\s+Pod\s+Address\s+EniId'
        $script:Output | Should -Match 'WARM_ENI\s+WARM_IP\s+MIN_IP'
        ([regex]::Matches($script:Output, 'web-\d')).Count | Should -BeGreaterOrEqual 6
    }

    It 'makes the warm-pool change and waits for it' {
        $script:Output | Should -Match 'Set-VpcCniWarmPool -WarmIpTarget 9 -Wait'
        $script:Output | Should -Match 'came to rest after'
        $script:Output | Should -Match '0 pods left on the node'
    }

    It 'ends clean: the node process is gone and its directory removed' {
        $script:Output | Should -Match 'Cleaned up: node process (\d+) stopped, (\S+) removed'
        $null = $script:Output -match 'Cleaned up: node process (\d+) stopped, (\S+) removed'
        Get-Process -Id ([int]$Matches[1]) -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $Matches[2] | Should -Not -Exist
        $script:Output | Should -Not -Match 'Exception|Error:'
    }
}

Describe 'examples/Invoke-VpcCniDemo.ps1 -PodsThrough Rpc' -Tag 'Simulation' {
    It 'gives the pods addresses through the IPAM socket and takes them back' {
        $output = (Invoke-ChildPwsh "`$PSStyle.OutputRendering = 'PlainText'; & '$script:Demo' -ModulePath '$script:ModulePath' -PodCount 2 -WarmIpTarget 5 -PodsThrough Rpc") -join "`n"
        $output | Should -Match "Starting 2 pods through the node's IPAM socket \(Add-VpcCniPodAddress\)"
        $output | Should -Match 'Namespace\s+Pod\s+Address\s+EniId'
        $output | Should -Match '0 pods left on the node'
        $output | Should -Not -Match 'network namespaces'
        $output | Should -Not -Match 'Exception|Error:'
    }
}

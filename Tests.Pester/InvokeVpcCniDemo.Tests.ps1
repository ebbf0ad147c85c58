#Requires -Version 7.4
# The README's main command runs examples/Invoke-VpcCniDemo.ps1: it must show the three tables, make
# its warm-pool change, and leave no node process or run directory behind.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    $script:ModulePath = Get-VpcCniTestModulePath
    $script:Demo = Join-Path $PSScriptRoot '../examples/Invoke-VpcCniDemo.ps1'
}

Describe 'examples/Invoke-VpcCniDemo.ps1' -Tag 'Simulation' {
    BeforeAll {
        # Everything the demo shows goes to the child's stdout: Write-Host and the tables (Out-Host), in order.
        $script:Output = (Invoke-ChildPwsh "`$PSStyle.OutputRendering = 'PlainText'; & '$script:Demo' -ModulePath '$script:ModulePath' -PodCount 3 -WarmIpTarget 9") -join "`n"
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

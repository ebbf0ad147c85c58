#Requires -Version 7.4
# Help generated from docs/cmdlets: every exported cmdlet has a synopsis, examples, and documents
# exactly the parameters it has.

BeforeDiscovery {
    # Every cmdlet the manifest exports, so a new one cannot ship without help.
    $script:Commands = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../VpcCni.psd1')).CmdletsToExport
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    $script:ModulePath = Get-VpcCniTestModulePath
    Import-Module $script:ModulePath -ErrorAction Stop
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'Help for <_>' -Tag 'Unit' -ForEach $script:Commands {
    BeforeAll {
        $script:Name = $_
        $script:Help = Get-Help $_ -Full
    }

    It 'is exported by the module' {
        (Get-Command $script:Name).Source | Should -Be 'VpcCni'
    }

    It 'has a synopsis and a description from the markdown' {
        $script:Help.Synopsis | Should -Not -BeNullOrEmpty
        $script:Help.Synopsis | Should -Not -Match '^\s*Get-VpcCni'  # not the auto-generated syntax line
        ($script:Help.Description.Text -join ' ') | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code and a remark' {
        $examples = @((Get-Help $script:Name -Examples).Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        $examples[0].Code | Should -Match $script:Name
        ($examples[0].Remarks.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'documents exactly the parameters the cmdlet has, with matching position and requirement' {
        $actual = (Get-Command $script:Name).Parameters.Values | Where-Object Name -NotIn $script:Common
        $documented = @($script:Help.Parameters.Parameter)
        ($documented.Name | Sort-Object) | Should -Be ($actual.Name | Sort-Object)
        foreach ($p in $actual) {
            $doc = $documented | Where-Object Name -EQ $p.Name
            $attr = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
            $doc.Required | Should -Be $attr.Mandatory.ToString().ToLowerInvariant() -Because "-$($p.Name) Required"
            $expectedPosition = if ($attr.Position -ge 0) { "$($attr.Position)" } else { 'named' }
            $doc.Position | Should -Be $expectedPosition -Because "-$($p.Name) Position"
        }
    }
}

Describe 'Help layout' -Tag 'Unit' {
    It 'ships the MAML file generated from docs/cmdlets' {
        Join-Path (Split-Path $script:ModulePath) 'en-US/VpcCni.PowerShell.dll-Help.xml' | Should -Exist
    }

    It 'shows examples with Get-Help -Examples after import in a fresh session' {
        $out = Invoke-ChildPwsh "Import-Module '$script:ModulePath'; Get-Help Get-VpcCniMaxPods -Examples | Out-String -Width 200"
        ($out -join "`n") | Should -Match 'Example 1'
        ($out -join "`n") | Should -Match 'Get-VpcCniMaxPods m5\.large'
    }
}

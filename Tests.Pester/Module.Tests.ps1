#Requires -Version 7.4
# The built module (out/VpcCni, laid out by build.ps1 -Task Publish) as a user imports it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'VpcCniTestUtils.psm1') -Force
    $script:ModulePath = Get-VpcCniTestModulePath
}

Describe 'VpcCni module' -Tag 'Unit' {
    It 'imports from the built layout without warnings or errors' {
        $out = Invoke-ChildPwsh "Import-Module '$script:ModulePath' -WarningVariable w -ErrorAction Stop 3>&1; if (`$w) { 'WARN: ' + (`$w -join ';') }; 'ok'"
        $LASTEXITCODE | Should -Be 0
        ($out -join "`n") | Should -Not -Match 'WARN:'
        @($out)[-1] | Should -Be 'ok'
    }

    It 'keeps third-party assemblies out of the module root' {
        $root = Split-Path $script:ModulePath
        Get-ChildItem $root -Filter *.dll | ForEach-Object Name | Should -Be @('VpcCni.PowerShell.dll')
        Join-Path $root 'dependencies/VpcCni.Engine.dll' | Should -Exist
        Join-Path $root 'dependencies/AWSSDK.EC2.dll' | Should -Exist
    }

    It 'loads the engine and its AWS SDK into a private load context, beside another copy of AWSSDK.Core' {
        $other = Join-Path $TestDrive 'other'
        New-Item -ItemType Directory $other | Out-Null
        Copy-Item (Join-Path (Split-Path $script:ModulePath) 'dependencies/AWSSDK.Core.dll') $other
        $script = @"
Add-Type -Path '$other/AWSSDK.Core.dll'
Import-Module '$script:ModulePath' -ErrorAction Stop
`$engine = [System.Reflection.Assembly]::Load('VpcCni.Engine')
`$alc = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$engine)
`$sdk = `$alc.LoadFromAssemblyName([System.Reflection.AssemblyName]::new('AWSSDK.Core'))
`$alc.Name
[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$sdk).Name
(`$sdk.Location -ne '$other/AWSSDK.Core.dll')
"@
        $out = Invoke-ChildPwsh $script
        @($out) | Select-Object -Last 3 | Should -Be @('VpcCni.Dependencies', 'VpcCni.Dependencies', 'True')
    }

    It 'exports only cmdlets with approved verbs and the VpcCni noun prefix' {
        $out = Invoke-ChildPwsh "Import-Module '$script:ModulePath'; Get-Command -Module VpcCni | ForEach-Object { `$_.Verb + '|' + `$_.Noun }"
        $approved = (Get-Verb).Verb
        foreach ($line in $out) {
            $verb, $noun = $line -split '\|'
            $approved | Should -Contain $verb
            $noun | Should -BeLike 'VpcCni*'
        }
    }
}

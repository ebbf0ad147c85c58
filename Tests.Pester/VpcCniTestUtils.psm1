# Helpers shared by the Pester suites.

function Get-VpcCniTestModulePath {
    <# The built module under test: build.ps1 passes it in VPCCNI_MODULE; otherwise out/VpcCni. #>
    if ($env:VPCCNI_MODULE) { return $env:VPCCNI_MODULE }
    return (Join-Path $PSScriptRoot '../out/VpcCni/VpcCni.psd1')
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh process (a clean assembly and module state), the same way this
        pwsh was started: `dotnet pwsh` on a machine that only has the .NET SDK, plain pwsh otherwise.
    #>
    param([Parameter(Mandatory)] [string] $Command)
    $exe = [Environment]::ProcessPath
    $prefix = @()
    if ((Split-Path -Leaf $exe) -like 'dotnet*') { $prefix = @('pwsh') }
    & $exe @prefix -NoProfile -NonInteractive -Command $Command 2>&1
}

Export-ModuleMember -Function Get-VpcCniTestModulePath, Invoke-ChildPwsh

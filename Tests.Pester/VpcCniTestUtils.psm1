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

function Get-VpcCniParameterAttribute {
    <# The [Parameter] attribute of one parameter of a command (the first, when it is in several sets). #>
    param([Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] [string] $Parameter)
    $meta = (Get-Command $Command -ErrorAction Stop).Parameters[$Parameter]
    if (-not $meta) { throw "$Command has no parameter -$Parameter." }
    return $meta.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
}

function Get-VpcCniPublishedInstanceType {
    <# The instance-type rows of the CSV shipped in the repository, read independently of the module. #>
    $csv = Join-Path $PSScriptRoot '../src/VpcCni.Engine/Limits/instance-types.csv'
    Get-Content $csv | Where-Object { $_ -and -not $_.StartsWith('#') } | ConvertFrom-Csv
}

Export-ModuleMember -Function Get-VpcCniTestModulePath, Invoke-ChildPwsh, Get-VpcCniParameterAttribute, Get-VpcCniPublishedInstanceType

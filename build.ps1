<#
.SYNOPSIS
    Builds, tests, publishes and benchmarks VpcCni.

.DESCRIPTION
    One entry point for developers and CI. Needs only the .NET SDK: run `dotnet tool restore`
    once, then `dotnet pwsh ./build.ps1 -Task <task>`.

    Build    compiles the solution.
    Publish  lays out out/VpcCni (the importable module: VpcCni.psd1, the module assembly, its
             format file, and dependencies/ for the engine and third-party assemblies, which load
             into a private AssemblyLoadContext) and out/bin (executables such as vpc-cni-sim).
             The node service, vpc-cni-node, and the CNI plugin, vpc-cni, are always published in
             Release as Native AOT: they are the artifacts that run on a node (and the footprint
             benchmark measures the service).
    Test     publishes, runs every xunit project and every Pester file under Tests.Pester, and
             ends with one line "N passed, N failed". Exits non-zero on any failure.
    Bench    publishes everything as Publish does (in Release), runs the benchmarks in Release and
             rewrites docs/PERFORMANCE.md (with -Filter, only the sections of the suites it runs).
    Clean    removes bin/, obj/, out/ and .tools/.
    Demo     publishes, then runs examples/Invoke-VpcCniDemo.ps1: a simulated node, a few pods, its
             ENI, pod and warm-pool tables, a Set-VpcCniWarmPool -Wait change; no AWS, no root.

.PARAMETER Task
    What to do. Several tasks run in the order given.

.PARAMETER Configuration
    Debug or Release. Test and Publish default to Debug; Bench always uses Release.

.PARAMETER Filter
    Test: an xunit filter expression passed to `dotnet test --filter` (Pester still runs).
    Bench: a suite-name substring.

.PARAMETER Quick
    Bench only: few iterations, to check the harness; figures are marked as not meaningful.

.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test

    Runs the whole suite as CI does.

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Publish; Import-Module ./out/VpcCni/VpcCni.psd1

    Builds the module and imports it into the current session.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo

    Builds everything and rehearses a node: pods, ENI/pod/warm-pool tables, a warm-pool change.

.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench -Filter dataplane

    Re-measures one benchmark suite and replaces only its section of docs/PERFORMANCE.md.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Publish', 'Test', 'Bench', 'Clean', 'Demo')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug',

    [string] $Filter,

    [switch] $Quick
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$PesterVersion = '5.7.1'

function Invoke-Dotnet {
    # A simple function (not advanced), so dotnet's own -o/-c/-v are not taken for common parameters.
    $Arguments = [string[]] $args
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE" }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $Root 'VpcCni.sln') -c $Configuration --nologo --verbosity quiet
}

function Invoke-Publish {
    $module = Join-Path $Out 'VpcCni'
    $bin = Join-Path $Out 'bin'
    foreach ($dir in $module, $bin) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    }
    $staging = Join-Path $Out 'staging/module'
    if (Test-Path $staging) { Remove-Item $staging -Recurse -Force }

    Invoke-Dotnet publish (Join-Path $Root 'src/VpcCni.PowerShell') -c $Configuration -o $staging --nologo --verbosity quiet
    $dependencies = New-Item -ItemType Directory -Force (Join-Path $module 'dependencies')
    Copy-Item (Join-Path $Root 'VpcCni.psd1') $module
    Copy-Item (Join-Path $Root 'src/VpcCni.PowerShell/*.ps1xml') $module
    foreach ($file in Get-ChildItem $staging -File) {
        if ($file.BaseName -eq 'VpcCni.PowerShell' -and $file.Extension -in '.dll', '.pdb', '.xml') {
            Copy-Item $file.FullName $module
        }
        elseif ($file.Extension -in '.dll', '.pdb') {
            Copy-Item $file.FullName $dependencies
        }
    }

    # Help: docs/cmdlets/*.md (PlatyPS layout) is the one source; the MAML file is generated from it.
    & (Join-Path $Root 'build/New-MamlHelp.ps1') -Path (Join-Path $Root 'docs/cmdlets') `
        -OutputPath (Join-Path $module 'en-US/VpcCni.PowerShell.dll-Help.xml')

    # Executables side by side in out/bin: the simulator framework-dependent with its apphost, the node service native.
    Invoke-Dotnet publish (Join-Path $Root 'src/VpcCni.Simulator') -c $Configuration -o $bin --nologo --verbosity quiet
    Publish-Node $bin
    Publish-Plugin $bin
    Write-Host "Published module to $module and executables to $bin"
}

function Publish-Node {
    param([string] $Destination)
    # Release whatever -Configuration says, Native AOT for linux-x64: docs/service.md, "Publishing and memory".
    Publish-Native 'src/VpcCni.Service' 'vpc-cni-node' $Destination
}

function Publish-Plugin {
    param([string] $Destination)
    # The CNI plugin the same way: docs/plugin.md, "Publishing".
    Publish-Native 'src/VpcCni.Plugin' 'vpc-cni' $Destination
}

function Publish-Native {
    param([string] $Project, [string] $Name, [string] $Destination)
    # TreatWarningsAsErrors reaches the AOT compiler, so a trim or AOT warning fails the publish.
    # A framework-dependent build left from an older publish would sit beside the native one.
    foreach ($stale in "$Name.dll", "$Name.runtimeconfig.json", "$Name.deps.json") {
        $path = Join-Path $Destination $stale
        if (Test-Path $path) { Remove-Item $path -Force }
    }
    $started = [Diagnostics.Stopwatch]::StartNew()
    Invoke-Dotnet publish (Join-Path $Root $Project) -c Release -r linux-x64 -o $Destination --nologo --verbosity quiet
    $size = (Get-Item (Join-Path $Destination $Name)).Length
    Write-Host "Published $Name (Native AOT, $([math]::Round($size / 1MB, 1)) MiB) in $([int] $started.Elapsed.TotalSeconds) s"
}

function Install-Pester {
    $packages = Join-Path $Root '.tools/packages'
    $manifest = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $manifest)) {
        Invoke-Dotnet restore (Join-Path $Root 'build/pester/Pester.proj') "-p:RestorePackagesPath=$packages" --nologo --verbosity quiet
    }
    if (-not (Test-Path $manifest)) { throw "Pester $PesterVersion was restored but $manifest is missing." }
    return $manifest
}

function Get-TrxCounts {
    param([string] $Directory)
    $passed = 0; $failed = 0
    foreach ($trx in Get-ChildItem $Directory -Filter *.trx -ErrorAction SilentlyContinue) {
        [xml] $doc = Get-Content -Raw $trx.FullName
        $counters = $doc.TestRun.ResultSummary.Counters
        $passed += [int] $counters.passed
        $failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
        # Under CI a skipped test is a failure: a missing capability must not pass silently.
        if ($env:CI -eq 'true') { $failed += [int] $counters.notExecuted }
    }
    return $passed, $failed
}

function Invoke-Test {
    Invoke-Publish
    $results = Join-Path $Out 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }

    $testArgs = @('test', (Join-Path $Root 'VpcCni.sln'), '-c', $Configuration, '--nologo',
        '--logger', 'trx', '--logger', 'console;verbosity=minimal', '--results-directory', (Join-Path $results 'xunit'))
    if ($Filter) { $testArgs += @('--filter', $Filter) }
    Write-Host "dotnet $($testArgs -join ' ')" -ForegroundColor DarkGray
    & dotnet @testArgs
    $xunitExit = $LASTEXITCODE
    $xPassed, $xFailed = Get-TrxCounts (Join-Path $results 'xunit')
    if ($xunitExit -ne 0 -and $xFailed -eq 0) { $xFailed = 1 }  # a build or host failure counts as a failure

    # Pester runs in a child pwsh so the module's assemblies do not stay loaded in this session.
    $pester = Install-Pester
    $summary = Join-Path $results 'pester-summary.json'
    New-Item -ItemType Directory -Force $results | Out-Null
    $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$pester'
`$cfg = New-PesterConfiguration
`$cfg.Run.Path = '$(Join-Path $Root 'Tests.Pester')'
`$cfg.Run.PassThru = `$true
`$cfg.Output.Verbosity = 'Detailed'
`$cfg.TestResult.Enabled = `$true
`$cfg.TestResult.OutputFormat = 'JUnitXml'
`$cfg.TestResult.OutputPath = '$(Join-Path $results 'pester.junit.xml')'
`$env:VPCCNI_MODULE = '$(Join-Path $Out 'VpcCni/VpcCni.psd1')'
`$r = Invoke-Pester -Configuration `$cfg
`$failed = `$r.FailedCount + `$r.FailedBlocksCount + `$r.FailedContainersCount
if (`$env:CI -eq 'true') { `$failed += `$r.SkippedCount }
@{ passed = `$r.PassedCount; failed = `$failed } | ConvertTo-Json | Set-Content '$summary'
"@
    # Under `dotnet pwsh` the process is dotnet itself; start the child the same way.
    $pwshHost = @([Environment]::ProcessPath)
    if ((Split-Path -Leaf $pwshHost[0]) -like 'dotnet*') { $pwshHost += 'pwsh' }
    & $pwshHost[0] @($pwshHost | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $script
    $pPassed = 0; $pFailed = 1
    if (Test-Path $summary) {
        $s = Get-Content -Raw $summary | ConvertFrom-Json
        $pPassed = [int] $s.passed; $pFailed = [int] $s.failed
    }

    $passed = $xPassed + $pPassed
    $failed = $xFailed + $pFailed
    Write-Host "xunit: $xPassed passed, $xFailed failed; Pester: $pPassed passed, $pFailed failed"
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0) { exit 1 }
}

function Invoke-Bench {
    # The suites run out/bin (vpc-cni-node, vpc-cni) and import out/VpcCni: publish everything in
    # Release first, so they measure this tree's Release build.
    $script:Configuration = 'Release'
    Invoke-Publish
    $benchArgs = @('run', '-c', 'Release', '--project', (Join-Path $Root 'bench/VpcCni.Bench'), '--',
        '--output', (Join-Path $Root 'docs/PERFORMANCE.md'))
    if ($Filter) { $benchArgs += @('--filter', $Filter) }
    if ($Quick) { $benchArgs += '--quick' }
    Invoke-Dotnet @benchArgs
}

function Invoke-Demo {
    Invoke-Publish
    # A child pwsh, as for Pester, so the module's assemblies do not stay loaded in this session.
    $pwshHost = @([Environment]::ProcessPath)
    if ((Split-Path -Leaf $pwshHost[0]) -like 'dotnet*') { $pwshHost += 'pwsh' }
    & $pwshHost[0] @($pwshHost | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $Root 'examples/Invoke-VpcCniDemo.ps1') `
        -ModulePath (Join-Path $Out 'VpcCni/VpcCni.psd1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Clean {
    foreach ($dir in Get-ChildItem $Root -Recurse -Directory -Include bin, obj -ErrorAction SilentlyContinue) {
        Remove-Item $dir.FullName -Recurse -Force -ErrorAction SilentlyContinue
    }
    foreach ($dir in $Out, (Join-Path $Root '.tools')) {
        if (Test-Path $dir) { Remove-Item $dir -Recurse -Force }
    }
}

Push-Location $Root
try {
    foreach ($t in $Task) {
        switch ($t) {
            'Build' { Invoke-Build }
            'Publish' { Invoke-Publish }
            'Test' { Invoke-Test }
            'Bench' { Invoke-Bench }
            'Clean' { Invoke-Clean }
            'Demo' { Invoke-Demo }
        }
    }
}
finally {
    Pop-Location
}

<#
.SYNOPSIS
    Rehearses a VpcCni node without AWS and without root: starts a simulated node, gives a few pods
    addresses, shows its ENIs, pods and warm pool, raises WARM_IP_TARGET and waits for the pool to
    follow, then stops everything.

.DESCRIPTION
    build.ps1 -Task Demo publishes the module and runs this script. Every step is a module cmdlet:
    Start-VpcCniSimulation (vpc-cni-node run --simulate, polling its env file every second),
    Add-VpcCniPodAddress (AddNetwork on the node's IPAM socket, as the CNI plugin's ADD does, without
    a network namespace), Get-VpcCniEni / Get-VpcCniPod / Get-VpcCniWarmPool (introspection), and
    Set-VpcCniWarmPool -Wait (edits the env file, then watches the node until its pool is at rest).
    The node is stopped and its temporary directory removed even when a step fails.

.PARAMETER ModulePath
    The module manifest to import; by default the one build.ps1 Publish lays out.

.PARAMETER PodCount
    How many pods to start.

.PARAMETER WarmIpTarget
    The WARM_IP_TARGET to change to (the node starts with 3).

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/VpcCni/VpcCni.psd1'),
    [ValidateRange(1, 50)] [int] $PodCount = 4,
    [ValidateRange(0, 200)] [int] $WarmIpTarget = 12
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

function Write-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

$simulation = $null
try {
    Write-Step 'Starting a simulated node (vpc-cni-node run --simulate) with WARM_IP_TARGET=3'
    $simulation = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 3 }
    Write-Host "node process $($simulation.ProcessId), env file $($simulation.EnvironmentFile)"

    Write-Step "Starting $PodCount pods through the node's IPAM socket (Add-VpcCniPodAddress)"
    $pods = $simulation | Add-VpcCniPodAddress -PodName (1..$PodCount | ForEach-Object { "web-$_" })
    $pods | Format-Table | Out-Host

    Write-Step 'ENIs (Get-VpcCniEni)'
    $simulation | Get-VpcCniEni | Format-Table | Out-Host

    Write-Step 'Pods (Get-VpcCniPod)'
    $simulation | Get-VpcCniPod | Format-Table | Out-Host

    Write-Step 'Warm pool before (Get-VpcCniWarmPool)'
    $simulation | Get-VpcCniWarmPool | Format-Table | Out-Host

    Write-Step "Set-VpcCniWarmPool -WarmIpTarget $WarmIpTarget -Wait"
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $simulation | Set-VpcCniWarmPool -WarmIpTarget $WarmIpTarget -Wait -PassThru | Format-Table | Out-Host
    Write-Host ('the node reported the new target and its pool came to rest after {0:0.0} s' -f $clock.Elapsed.TotalSeconds)

    Write-Step 'Warm pool after (Get-VpcCniWarmPool)'
    $simulation | Get-VpcCniWarmPool | Format-Table | Out-Host

    Write-Step 'Giving the pod addresses back (Remove-VpcCniPodAddress)'
    $pods | Remove-VpcCniPodAddress
    Write-Host "$(@($simulation | Get-VpcCniPod).Count) pods left on the node"
}
finally {
    if ($simulation) {
        $simulation | Stop-VpcCniSimulation
        Write-Step "Cleaned up: node process $($simulation.ProcessId) stopped, $($simulation.RunDirectory) removed"
    }
}

<#
.SYNOPSIS
    Rehearses a VpcCni node without AWS: starts a simulated node, starts a few pods (through the real
    CNI plugin in throwaway network namespaces when run as root, else through the node's gRPC API),
    shows its ENIs, pods and warm pool, raises WARM_IP_TARGET and waits for the pool to follow, then
    stops everything.

.DESCRIPTION
    build.ps1 -Task Demo publishes the module and runs this script. The node steps are module cmdlets:
    Start-VpcCniSimulation (vpc-cni-node run --simulate, polling its env file every second),
    Get-VpcCniEni / Get-VpcCniPod / Get-VpcCniWarmPool (introspection), and Set-VpcCniWarmPool -Wait
    (edits the env file, then watches the node until its pool is at rest).

    Pods, as root on Linux with ip(8): the script plays the container runtime. It makes a throwaway
    "node" network namespace and one per pod, and runs the published plugin (out/bin/vpc-cni) inside
    the node namespace the way a runtime does (CNI spec, "Execution Protocol": CNI_* variables, the
    network configuration on stdin, taken from the conflist the node renders), then pings one pod from
    another. The node's own host network is simulated, so nothing of the machine's own interfaces,
    routes or rules is touched. Otherwise (or with -PodsThrough Rpc) Add-VpcCniPodAddress calls
    AddNetwork on the node's IPAM socket, as the plugin's ADD does, without a network namespace.
    The node is stopped, the namespaces deleted and the temporary directories removed even when a
    step fails.

.PARAMETER ModulePath
    The module manifest to import; by default the one build.ps1 Publish lays out.

.PARAMETER PodCount
    How many pods to start.

.PARAMETER WarmIpTarget
    The WARM_IP_TARGET to change to (the node starts with 3).

.PARAMETER PodsThrough
    Auto (the default): the CNI plugin when root on Linux with ip(8) and a published plugin, else
    the gRPC API. Plugin or Rpc force one.

.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/VpcCni/VpcCni.psd1'),
    [ValidateRange(1, 50)] [int] $PodCount = 4,
    [ValidateRange(0, 200)] [int] $WarmIpTarget = 12,
    [ValidateSet('Auto', 'Plugin', 'Rpc')] [string] $PodsThrough = 'Auto'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot 'VpcCniDemoRuntime.psm1') -Force

function Write-Step([string] $Text) { Write-Host "`n== $Text" -ForegroundColor Cyan }

$plugin = Join-Path (Split-Path (Split-Path $ModulePath)) 'bin/vpc-cni'
if ($PodsThrough -eq 'Auto') {
    $PodsThrough = if (Test-DemoRuntime -PluginPath $plugin) { 'Plugin' } else { 'Rpc' }
}

$simulation = $null
$runtime = $null
$podNames = 1..$PodCount | ForEach-Object { "web-$_" }
try {
    Write-Step 'Starting a simulated node (vpc-cni-node run --simulate) with WARM_IP_TARGET=3'
    $simulation = Start-VpcCniSimulation -Variable @{ WARM_IP_TARGET = 3 }
    Write-Host "node process $($simulation.ProcessId), env file $($simulation.EnvironmentFile)"

    if ($PodsThrough -eq 'Plugin') {
        # The node renders its conflist once ready (into its run directory, not /etc/cni/net.d).
        $runtime = New-DemoRuntime -PluginPath $plugin -CniConfigFile $simulation.CniConfigFile
        Write-Step "Starting $PodCount pods through the CNI plugin ($plugin) in throwaway network namespaces"
        $pods = $podNames | ForEach-Object { Add-DemoPod -Runtime $runtime -PodName $_ }
        $pods | Format-Table PodName, NetworkNamespace, Address, HostVeth | Out-Host
        if ($pods.Count -ge 2) {
            Write-Host (Test-DemoPodPing -Runtime $runtime -From $pods[0] -To $pods[1])
        }
    }
    else {
        Write-Step "Starting $PodCount pods through the node's IPAM socket (Add-VpcCniPodAddress)"
        $pods = $simulation | Add-VpcCniPodAddress -PodName $podNames
        $pods | Format-Table | Out-Host
    }

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

    if ($PodsThrough -eq 'Plugin') {
        Write-Step 'Deleting the pods through the CNI plugin (DEL with the ADD result as prevResult)'
        $pods | ForEach-Object { Remove-DemoPod -Runtime $runtime -Pod $_ }
    }
    else {
        Write-Step 'Giving the pod addresses back (Remove-VpcCniPodAddress)'
        $pods | Remove-VpcCniPodAddress
    }
    Write-Host "$(@($simulation | Get-VpcCniPod).Count) pods left on the node"
}
finally {
    if ($runtime) {
        Remove-DemoRuntime -Runtime $runtime
        Write-Host "network namespaces $($runtime.NodeNamespace) and its pods' deleted, $($runtime.Directory) removed"
    }
    if ($simulation) {
        $simulation | Stop-VpcCniSimulation
        Write-Step "Cleaned up: node process $($simulation.ProcessId) stopped, $($simulation.RunDirectory) removed"
    }
}

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

function Start-VpcCniSimulator {
    <#
    .SYNOPSIS
        Starts the published out/bin/vpc-cni-sim on free loopback ports with a scenario file (or the
        default world) and returns the process with the EC2 and first IMDS endpoint it printed; with
        -Kubeconfig also its loopback Kubernetes API (Kubernetes, the base URL), whose kubeconfig it
        writes there. Stop it with Stop-VpcCniSimulator.
    #>
    param([string] $Scenario, [string] $Kubeconfig)
    $bin = Join-Path (Split-Path (Split-Path (Get-VpcCniTestModulePath))) 'bin/vpc-cni-sim'
    $info = [System.Diagnostics.ProcessStartInfo]::new($bin)
    $arguments = @('--port', '0')
    if ($Scenario) { $arguments += '--scenario', $Scenario }
    if ($Kubeconfig) { $arguments += '--kubernetes', '--write-kubeconfig', $Kubeconfig }
    foreach ($a in $arguments) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $sim = [pscustomobject]@{ Process = $process; Ec2 = $null; Imds = $null; Kubernetes = $null }
    while ($null -ne ($line = $process.StandardOutput.ReadLine())) {
        if ($line -match '^EC2 endpoint: (\S+)') { $sim.Ec2 = $Matches[1].TrimEnd('/') }
        elseif ($line -match '^Kubernetes API endpoint: (\S+)') { $sim.Kubernetes = $Matches[1].TrimEnd('/') }
        elseif (-not $sim.Imds -and $line -match '^IMDS endpoint \([^)]+\): (\S+)') { $sim.Imds = $Matches[1].TrimEnd('/') }
        elseif ($line -like 'Serving until*') { break }
    }
    if (-not $sim.Ec2 -or -not $sim.Imds -or ($Kubeconfig -and -not (Test-Path $Kubeconfig))) {
        $err = $process.StandardError.ReadToEnd()
        throw "vpc-cni-sim did not print its endpoints: $err"
    }
    return $sim
}

function Stop-VpcCniSimulator {
    <# Stops a simulator started by Start-VpcCniSimulator (this one process, by its id). #>
    param($Simulator)
    if ($Simulator -and -not $Simulator.Process.HasExited) {
        $Simulator.Process.Kill()
        $Simulator.Process.WaitForExit(10000) | Out-Null
    }
    if ($Simulator) { $Simulator.Process.Dispose() }
}


function Add-VpcCniTestPod {
    <#
    .SYNOPSIS
        Asks a node for a pod address over its IPAM socket, as the CNI plugin does on ADD (gRPC
        AddNetwork, docs/service.md "AddNetwork"), through Add-VpcCniPodAddress. Returns the address
        the node gave.
    #>
    param(
        [Parameter(Mandatory)] [string] $IpamSocket,
        [Parameter(Mandatory)] [string] $Name,
        [string] $Namespace = 'default',
        [string] $ContainerId = "c-$Name"
    )
    # The module's own cmdlet, so the tests ask the node exactly as a user would.
    $pod = Add-VpcCniPodAddress -PodName $Name -Namespace $Namespace -ContainerId $ContainerId -IpamSocket $IpamSocket -Confirm:$false -ErrorAction Stop
    return "$($pod.Address)"
}

Export-ModuleMember -Function Add-VpcCniTestPod, Get-VpcCniTestModulePath, Invoke-ChildPwsh, Get-VpcCniParameterAttribute, Get-VpcCniPublishedInstanceType, Start-VpcCniSimulator, Stop-VpcCniSimulator

# The container runtime's part of the demo (examples/Invoke-VpcCniDemo.ps1): throwaway network
# namespaces and calls of the CNI plugin as the CNI spec's "Execution Protocol" describes them
# (CNI_* variables, the network configuration on stdin, the result on stdout). The plugin runs inside
# a throwaway "node" namespace, so its host-side veths, routes and rules land there and never on the
# machine's own network.

Set-StrictMode -Version Latest

function Test-DemoRuntime {
    # True when pods can go through the real plugin: Linux, root, ip(8) and a published plugin.
    param([Parameter(Mandatory)] [string] $PluginPath)
    $IsLinux -and (Test-Path $PluginPath) -and [bool](Get-Command ip -ErrorAction Ignore) -and ((& id -u) -eq '0')
}

function Invoke-DemoIp {
    # No param block: every argument, "-w" included, reaches ip(8) untouched through $args.
    $output = & ip @args 2>&1
    if ($LASTEXITCODE -ne 0) { throw "ip $($args -join ' ') failed: $output" }
    $output
}

function New-DemoRuntime {
    # A node namespace with loopback up and forwarding on (what a node's distribution gives it), and a
    # directory for the plugin's log. The network configuration is the one the simulated node renders.
    param([Parameter(Mandatory)] [string] $PluginPath, [Parameter(Mandatory)] [string] $CniConfigFile)
    $id = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $runtime = [pscustomobject]@{
        Id            = $id
        PluginPath    = (Resolve-Path $PluginPath).Path
        CniConfigFile = $CniConfigFile
        Directory     = (New-Item -ItemType Directory -Path (Join-Path ([IO.Path]::GetTempPath()) "vpccni-demo-$id")).FullName
        NodeNamespace = "vpccni-demo-$id-node"
        PodNamespaces = [Collections.Generic.List[string]]::new()
        NetworkConfig = $null
    }
    try {
        Invoke-DemoIp netns add $runtime.NodeNamespace | Out-Null
        Invoke-DemoIp -n $runtime.NodeNamespace link set lo up | Out-Null
        Invoke-DemoIp netns exec $runtime.NodeNamespace sysctl -q -w net.ipv4.ip_forward=1 | Out-Null
    }
    catch {
        Remove-DemoRuntime -Runtime $runtime
        throw
    }
    $runtime
}

function Get-DemoNetworkConfig {
    # The plugin's stanza of the conflist the node rendered, with the list's name and version, as
    # libcni hands it to the plugin; the plugin log goes to the demo's directory.
    # The conflist is read once (the first call waits for the node to render it), as a runtime loads it.
    param([Parameter(Mandatory)] $Runtime, $PrevResult)
    if (-not $Runtime.NetworkConfig) {
        $path = $Runtime.CniConfigFile
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while (-not (Test-Path $path)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "The node did not render $path within 30 s." }
            Start-Sleep -Milliseconds 200
        }
        $list = Get-Content $path -Raw | ConvertFrom-Json -AsHashtable
        $stanza = $list.plugins[0]
        $stanza.cniVersion = $list.cniVersion
        $stanza.name = $list.name
        $stanza.pluginLogFile = Join-Path $Runtime.Directory 'plugin.log'
        $Runtime.NetworkConfig = $stanza
    }
    $config = $Runtime.NetworkConfig.Clone()
    if ($PrevResult) { $config.prevResult = $PrevResult }
    $config | ConvertTo-Json -Depth 10 -Compress
}

function Invoke-DemoPlugin {
    param([Parameter(Mandatory)] $Runtime, [Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] $Pod, $PrevResult)
    $info = [Diagnostics.ProcessStartInfo]::new('ip')
    foreach ($argument in 'netns', 'exec', $Runtime.NodeNamespace, $Runtime.PluginPath) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardInput = $true
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $info.Environment['CNI_COMMAND'] = $Command
    $info.Environment['CNI_CONTAINERID'] = $Pod.ContainerId
    $info.Environment['CNI_NETNS'] = "/var/run/netns/$($Pod.NetworkNamespace)"
    $info.Environment['CNI_IFNAME'] = 'eth0'
    $info.Environment['CNI_PATH'] = Split-Path $Runtime.PluginPath
    $info.Environment['CNI_ARGS'] = "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=$($Pod.PodName);K8S_POD_INFRA_CONTAINER_ID=$($Pod.ContainerId)"
    $process = [Diagnostics.Process]::Start($info)
    $process.StandardInput.Write((Get-DemoNetworkConfig -Runtime $Runtime -PrevResult $PrevResult))
    $process.StandardInput.Close()
    $stdout = $process.StandardOutput.ReadToEnd()
    $stderr = $process.StandardError.ReadToEnd()
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) { throw "vpc-cni $Command for $($Pod.PodName) failed ($($process.ExitCode)): $stdout $stderr" }
    if ($stdout) { $stdout | ConvertFrom-Json -AsHashtable }
}

function Add-DemoPod {
    # A pod namespace and the plugin's ADD for it; the result is kept for DEL's prevResult, as libcni caches it.
    param([Parameter(Mandatory)] $Runtime, [Parameter(Mandatory)] [string] $PodName)
    $pod = [pscustomobject]@{
        PodName          = $PodName
        NetworkNamespace = "vpccni-demo-$($Runtime.Id)-$PodName"
        ContainerId      = "demo$($Runtime.Id)$($PodName -replace '\W', '')"
        Address          = $null
        HostVeth         = $null
        Result           = $null
    }
    Invoke-DemoIp netns add $pod.NetworkNamespace | Out-Null
    $Runtime.PodNamespaces.Add($pod.NetworkNamespace)
    $pod.Result = Invoke-DemoPlugin -Runtime $Runtime -Command ADD -Pod $pod
    $pod.Address = $pod.Result.ips[0].address
    $pod.HostVeth = ($pod.Result.interfaces | Where-Object { -not $_.ContainsKey('sandbox') -or -not $_.sandbox } | Select-Object -First 1).name
    $pod
}

function Test-DemoPodPing {
    # One ICMP echo from one pod to another, through the host veths and routes the plugin made.
    param([Parameter(Mandatory)] $Runtime, [Parameter(Mandatory)] $From, [Parameter(Mandatory)] $To)
    $target = ($To.Address -split '/')[0]
    $ping = if (Get-Command ping -ErrorAction Ignore) { @('ping') } elseif (Get-Command busybox -ErrorAction Ignore) { @('busybox', 'ping') } else { $null }
    if (-not $ping) { return "no ping(8) nor busybox here; $($From.PodName) and $($To.PodName) are not pinged" }
    $null = & ip netns exec $From.NetworkNamespace @ping -c 1 -W 2 $target 2>&1
    if ($LASTEXITCODE -ne 0) { throw "$($From.PodName) cannot reach $($To.PodName) at $target." }
    "$($From.PodName) reaches $($To.PodName) at $target (ping through the node namespace $($Runtime.NodeNamespace))"
}

function Remove-DemoPod {
    param([Parameter(Mandatory)] $Runtime, [Parameter(Mandatory)] $Pod)
    $null = Invoke-DemoPlugin -Runtime $Runtime -Command DEL -Pod $Pod -PrevResult $Pod.Result
    Invoke-DemoIp netns del $Pod.NetworkNamespace | Out-Null
    $null = $Runtime.PodNamespaces.Remove($Pod.NetworkNamespace)
}

function Remove-DemoRuntime {
    # Deleting a namespace deletes the veths and routes in it; nothing else of the demo remains.
    param([Parameter(Mandatory)] $Runtime)
    foreach ($namespace in @($Runtime.PodNamespaces) + $Runtime.NodeNamespace) {
        $null = & ip netns del $namespace 2>&1
    }
    Remove-Item -Recurse -Force $Runtime.Directory -ErrorAction SilentlyContinue
}

Export-ModuleMember -Function Test-DemoRuntime, New-DemoRuntime, Add-DemoPod, Test-DemoPodPing, Remove-DemoPod, Remove-DemoRuntime

using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;
using VpcCni.Engine.NodeSettings;
using N = VpcCni.Engine.Configuration.VpcCniVariableNames;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Changes a node's warm-pool targets in its env file, or every node's in the cluster's ConfigMap with
/// -Cluster; only the parameters given change, $null unsets one, -Reset unsets them all. With -Wait it
/// watches the node until it reports the new values and its pool has come to rest (NodeSettlement).
/// </summary>
[Cmdlet(VerbsCommon.Set, "VpcCniWarmPool", SupportsShouldProcess = true, DefaultParameterSetName = SetSet)]
[OutputType(typeof(WarmPoolSettings))]
public sealed class SetVpcCniWarmPoolCommand : VpcCniEnvFileCmdlet
{
    private const string SetSet = "Set";
    private const string ResetSet = "Reset";
    private const string ClusterSet = "Cluster";
    private const string ClusterResetSet = "ClusterReset";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>WARM_IP_TARGET: free addresses to keep.</summary>
    [Parameter(ParameterSetName = SetSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [AllowNull]
    public int? WarmIpTarget { get; set; }

    /// <summary>MINIMUM_IP_TARGET: addresses to hold in all.</summary>
    [Parameter(ParameterSetName = SetSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [AllowNull]
    public int? MinimumIpTarget { get; set; }

    /// <summary>WARM_ENI_TARGET: whole free ENIs to keep (ignored while an IP target is above 0).</summary>
    [Parameter(ParameterSetName = SetSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [AllowNull]
    public int? WarmEniTarget { get; set; }

    /// <summary>WARM_PREFIX_TARGET: free /28 prefixes to keep with prefix delegation.</summary>
    [Parameter(ParameterSetName = SetSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [AllowNull]
    public int? WarmPrefixTarget { get; set; }

    /// <summary>MAX_ENI: -1 (no cap) or at least 1.</summary>
    [Parameter(ParameterSetName = SetSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [AllowNull]
    public int? MaxEni { get; set; }

    /// <summary>IP_COOLDOWN_PERIOD in seconds.</summary>
    [Parameter(ParameterSetName = SetSet)]
    [Parameter(ParameterSetName = ClusterSet)]
    [AllowNull]
    public int? IpCooldownPeriod { get; set; }

    /// <summary>Unset every warm-pool variable, so the defaults (or the ConfigMap) apply.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ResetSet)]
    [Parameter(Mandatory = true, ParameterSetName = ClusterResetSet)]
    public SwitchParameter Reset { get; set; }

    /// <summary>The node's env file (vpc-cni-node run --config).</summary>
    [Parameter(ParameterSetName = SetSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ResetSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public override string EnvironmentFile { get; set; } = EnvFileEditor.DefaultPath;

    /// <summary>Change the cluster's kube-system/amazon-vpc-cni ConfigMap, which every node reads, instead of an env file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClusterSet)]
    [Parameter(Mandatory = true, ParameterSetName = ClusterResetSet)]
    public override SwitchParameter Cluster { get; set; }

    /// <summary>The kubeconfig for -Cluster; kubectl's default (KUBECONFIG, ~/.kube/config) when omitted or null.</summary>
    [Parameter(ParameterSetName = ClusterSet, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = ClusterResetSet, ValueFromPipelineByPropertyName = true)]
    public override string? Kubeconfig { get; set; }

    /// <summary>A context of the kubeconfig other than its current one.</summary>
    [Parameter(ParameterSetName = ClusterSet)]
    [Parameter(ParameterSetName = ClusterResetSet)]
    [ArgumentCompleter(typeof(KubeContextCompleter))]
    [ValidateNotNullOrEmpty]
    public override string? Context { get; set; }

    /// <summary>Wait until the node reports the new values and its warm pool is at rest.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>The node's introspection endpoint, watched with -Wait.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    [ValidateNotNullOrEmpty]
    public string Endpoint { get; set; } = IntrospectionEndpoint.DefaultIntrospection;

    /// <summary>The node's metrics endpoint, read for its ENI limits with -Wait.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    [ValidateNotNullOrEmpty]
    public string MetricsEndpoint { get; set; } = IntrospectionEndpoint.DefaultMetrics;

    /// <summary>Seconds -Wait waits for the new steady state.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 120;

    protected override void ProcessRecord()
    {
        if (Cluster && Wait && !IsBound(nameof(Endpoint)))
        {
            // The default endpoint is this machine's node, which need not read that cluster at all.
            WriteError(ErrorRecordFactory.Create(new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.ClusterSettings.WaitNeedsEndpoint,
                "-Wait with -Cluster needs the node to watch: give -Endpoint (and -MetricsEndpoint), or pipe in a simulation started with -Kubeconfig."), Kubeconfig));
            return;
        }

        var changes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, variable, value) in new (string, string, int?)[]
        {
            (nameof(WarmIpTarget), N.WarmIpTarget, WarmIpTarget),
            (nameof(MinimumIpTarget), N.MinimumIpTarget, MinimumIpTarget),
            (nameof(WarmEniTarget), N.WarmEniTarget, WarmEniTarget),
            (nameof(WarmPrefixTarget), N.WarmPrefixTarget, WarmPrefixTarget),
            (nameof(MaxEni), N.MaxEni, MaxEni),
            (nameof(IpCooldownPeriod), N.IpCooldownPeriod, IpCooldownPeriod),
        })
        {
            if (Reset || IsBound(parameter))
            {
                changes[variable] = Reset ? null : value?.ToString(CultureInfo.InvariantCulture);
            }
        }

        if (Edit(changes) is not { } change)
        {
            return;
        }

        if (Wait)
        {
            WaitUntilSettled(change);
        }

        if (PassThru)
        {
            WriteObject(WarmPoolSettings.From(change));
        }
    }

    private void WaitUntilSettled(EnvFileChange change)
    {
        var progress = new ProgressRecord(3, MyInvocation.MyCommand.Name, $"Waiting for {Endpoint} to take {change.Describe()}");
        var clock = Stopwatch.StartNew();
        var reason = "not read yet";
        using var client = new IntrospectionClient(Endpoint, TimeSpan.FromSeconds(Math.Min(TimeoutSec, 10)));
        try
        {
            while (clock.Elapsed.TotalSeconds < TimeoutSec)
            {
                try
                {
                    var status = NodeSettlement.CheckAsync(client, change, MetricsEndpoint, CancellationToken).GetAwaiter().GetResult();
                    reason = status.Reason;
                    if (status.IsSettled)
                    {
                        WriteVerbose($"{Endpoint}: {reason} after {clock.Elapsed.TotalSeconds:0.0} s.");
                        return;
                    }
                }
                catch (VpcCniException ex) when (ex.ErrorId is ErrorIds.Introspection.Unreachable or ErrorIds.Introspection.Timeout or ErrorIds.Introspection.LimitsUnknown)
                {
                    reason = ex.Message;
                }
                catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                progress.StatusDescription = reason;
                progress.PercentComplete = Math.Min(99, (int)(clock.Elapsed.TotalSeconds * 100 / TimeoutSec));
                WriteProgress(progress);
                if (CancellationToken.WaitHandle.WaitOne(PollInterval))
                {
                    throw new PipelineStoppedException();
                }
            }

            var overridden = change.ConfigMap is null ? string.Empty : " (a value in the node's own env file overrides the ConfigMap)";
            WriteError(ErrorRecordFactory.Create(
                new VpcCniException(VpcCniErrorCategory.Timeout, ErrorIds.NodeSettings.NotSettled,
                    $"{change.Location} was written, but the node at {Endpoint} did not settle within {TimeoutSec} s: {reason}{overridden}."),
                Endpoint));
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }
}

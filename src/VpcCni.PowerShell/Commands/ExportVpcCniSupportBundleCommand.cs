using System.Collections.Concurrent;
using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Introspection;
using VpcCni.Engine.Support;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Writes a node's support bundle (docs/support-bundle.md): introspection, metrics, checkpoint, CNI
/// configuration, policy routing, packet filter, the service's journal, the plugin log and the
/// settings, in the EKS log collector's layout. Whatever cannot be read goes into the bundle's
/// errors file; secrets never go in, and -Redact also masks every environment value.
/// </summary>
[Cmdlet(VerbsData.Export, "VpcCniSupportBundle", SupportsShouldProcess = true)]
[OutputType(typeof(SupportBundleResult))]
public sealed class ExportVpcCniSupportBundleCommand : VpcCniCmdlet
{
    private static readonly SupportBundleOptions Defaults = new();

    /// <summary>The .tar.gz to write, or a directory to write a named one in (default: the current directory).</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = ".";

    /// <summary>The node's introspection endpoint (a simulation's binds by property name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(EndpointCompleter))]
    [ValidateNotNullOrEmpty]
    public string Endpoint { get; set; } = IntrospectionEndpoint.DefaultIntrospection;

    /// <summary>The node's metrics endpoint.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string MetricsEndpoint { get; set; } = IntrospectionEndpoint.DefaultMetrics;

    /// <summary>The IPAM checkpoint file (a simulation's Checkpoint binds by property name).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Checkpoint")]
    [ValidateNotNullOrEmpty]
    public string CheckpointPath { get; set; } = Defaults.CheckpointFile;

    /// <summary>The environment file the service reads.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string ConfigPath { get; set; } = Defaults.ConfigFile;

    /// <summary>The CNI network configuration list.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string CniConfigPath { get; set; } = Defaults.CniConfigFile;

    /// <summary>The plugin's log file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string PluginLogPath { get; set; } = Defaults.PluginLogFile;

    /// <summary>Run ip, iptables-save and nft in this network namespace (a name under /var/run/netns, or a path).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NetworkNamespace { get; set; }

    /// <summary>Mask every environment value (names are kept).</summary>
    [Parameter]
    public SwitchParameter Redact { get; set; }

    /// <summary>Seconds one introspection read may take.</summary>
    [Parameter]
    [ValidateRange(1, 300)]
    public int TimeoutSec { get; set; } = (int)Defaults.IntrospectionTimeout.TotalSeconds;

    protected override void ProcessRecord()
    {
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        if (!ShouldProcess(target, "Write support bundle"))
        {
            return;
        }

        var options = new SupportBundleOptions
        {
            IntrospectionEndpoint = Endpoint,
            MetricsEndpoint = MetricsEndpoint,
            IntrospectionTimeout = TimeSpan.FromSeconds(TimeoutSec),
            NetworkNamespace = NetworkNamespace,
            CheckpointFile = Resolve(CheckpointPath),
            ConfigFile = Resolve(ConfigPath),
            CniConfigFile = Resolve(CniConfigPath),
            PluginLogFile = Resolve(PluginLogPath),
        };
        var steps = new ConcurrentQueue<SupportBundleProgress>();
        var writing = new SupportBundleBuilder(TimeProvider.System)
            .WriteAsync(SupportBundleSources.Node(options), target, Redact.IsPresent, new QueueProgress(steps), CancellationToken);
        var progress = new ProgressRecord(1, MyInvocation.MyCommand.Name, "Collecting");
        try
        {
            // Write-Progress only from the pipeline thread: the builder's reports are queued and shown here.
            while (!writing.Wait(TimeSpan.FromMilliseconds(100)))
            {
                Show(steps, progress);
            }

            Show(steps, progress);
            WriteObject(writing.Result);
        }
        catch (AggregateException ex) when (ex.InnerException is VpcCniException error)
        {
            ReportError(error, target);
        }
        catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(progress);
        }
    }

    private string Resolve(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

    private void Show(ConcurrentQueue<SupportBundleProgress> steps, ProgressRecord progress)
    {
        while (steps.TryDequeue(out var step))
        {
            progress.StatusDescription = step.Description;
            progress.PercentComplete = Math.Min(step.PercentComplete, 100);
            WriteProgress(progress);
        }
    }

    private sealed class QueueProgress(ConcurrentQueue<SupportBundleProgress> queue) : IProgress<SupportBundleProgress>
    {
        public void Report(SupportBundleProgress value) => queue.Enqueue(value);
    }
}

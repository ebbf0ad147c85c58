using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Manifests;
using VpcCni.Engine.NodeSettings;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that change a node through its env file, or every node through the cluster's
/// <c>kube-system/amazon-vpc-cni</c> ConfigMap with -Cluster (docs/configuration.md, "Changing a node",
/// "Changing the cluster"): -PassThru, and one edit per pipeline object through <see cref="EnvFileEditor"/>
/// or <see cref="ClusterSettingsEditor"/> under ShouldProcess. Each cmdlet declares the file and cluster
/// parameters itself, in its own parameter sets.
/// </summary>
public abstract class VpcCniEnvFileCmdlet : VpcCniClusterCmdlet
{
    private KubernetesObjectClient? _cluster;

    /// <summary>The node's env file (vpc-cni-node run --config).</summary>
    public abstract string EnvironmentFile { get; set; }

    /// <summary>Change the cluster's ConfigMap instead of a node's env file.</summary>
    public abstract SwitchParameter Cluster { get; set; }

    /// <summary>The kubeconfig for -Cluster; kubectl's default (KUBECONFIG, ~/.kube/config) when omitted.</summary>
    public abstract string? Kubeconfig { get; set; }

    /// <summary>A context of the kubeconfig other than its current one.</summary>
    public abstract string? Context { get; set; }

    /// <summary>Write the new values to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>True when the parameter was given on this invocation (a $null value means: unset it).</summary>
    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    /// <summary>
    /// Validates the edit, asks ShouldProcess with what would change, writes the env file or the
    /// ConfigMap, and warns about notices and restart-only variables. Returns the written change, or null
    /// after -WhatIf, a refusal, or an error (reported for this pipeline object).
    /// </summary>
    protected EnvFileChange? Edit(IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Cluster ? EditCluster(changes) : EditFile(changes);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cluster?.Dispose();
            _cluster = null;
        }

        base.Dispose(disposing);
    }

    private EnvFileChange? EditFile(IReadOnlyDictionary<string, string?> changes)
    {
        var path = GetUnresolvedProviderPathFromPSPath(EnvironmentFile);
        return Guarded(path, () => Written(
            EnvFileEditor.Preview(path, changes), path, () => EnvFileEditor.Apply(path, changes),
            "vpc-cni-node restarts (systemctl restart vpc-cni-node)", "Live variables apply on its next reload."));
    }

    private EnvFileChange? EditCluster(IReadOnlyDictionary<string, string?> changes)
    {
        var target = Kubeconfig ?? "the cluster";
        return Guarded(target, () =>
        {
            _cluster ??= ClusterSettingsEditor.Connect(ResolveKubeconfig(Kubeconfig), Context);
            var editor = new ClusterSettingsEditor(_cluster);
            var activity = MyInvocation.MyCommand.Name;
            var preview = Wait(new ValueTask<EnvFileChange>(editor.PreviewAsync(changes, CancellationToken)), activity, $"Reading ConfigMap {editor.ConfigMap}");
            WriteVerbose($"ConfigMap {editor.ConfigMap}: a node's own environment (its env file) still overrides what the ConfigMap sets.");
            return Written(preview, $"ConfigMap {editor.ConfigMap}",
                () => Wait(new ValueTask<EnvFileChange>(editor.ApplyAsync(changes, CancellationToken)), activity, $"Writing ConfigMap {editor.ConfigMap}"),
                "vpc-cni-node restarts on each node (systemctl restart vpc-cni-node)", "Live variables apply at once on every node that reads the ConfigMap.");
        });
    }

    /// <summary>The preview's changes written with <paramref name="apply"/> under ShouldProcess, with the warnings the result calls for.</summary>
    private EnvFileChange? Written(EnvFileChange preview, string location, Func<EnvFileChange> apply, string restart, string live)
    {
        if (preview.Changes.Count == 0)
        {
            WriteVerbose($"{location} already holds these values; nothing to write.");
            return preview;
        }

        if (!ShouldProcess(location, $"Set {preview.Describe()}"))
        {
            return null;
        }

        var change = apply();
        foreach (var notice in change.Notices)
        {
            WriteWarning(notice);
        }

        if (change.RestartRequired.Count > 0)
        {
            WriteWarning($"Written, but applied only when {restart}: {string.Join(", ", change.RestartRequired)}. {live}");
        }

        return change;
    }

    private EnvFileChange? Guarded(object target, Func<EnvFileChange?> edit)
    {
        try
        {
            return edit();
        }
        catch (VpcCniException ex)
        {
            WriteError(ErrorRecordFactory.Create(ex, target));
            return null;
        }
    }
}

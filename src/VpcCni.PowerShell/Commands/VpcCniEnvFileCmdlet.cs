using System.Management.Automation;
using VpcCni.Engine.Errors;
using VpcCni.Engine.NodeSettings;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Base of the cmdlets that change a node through its env file (docs/configuration.md, "Changing a
/// node"): the file, bound by property name so a simulation object pipes in, -PassThru, and one edit
/// per pipeline object through <see cref="EnvFileEditor"/> under ShouldProcess.
/// </summary>
public abstract class VpcCniEnvFileCmdlet : VpcCniCmdlet
{
    /// <summary>The node's env file (vpc-cni-node run --config).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string EnvironmentFile { get; set; } = EnvFileEditor.DefaultPath;

    /// <summary>Write the new values to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>True when the parameter was given on this invocation (a $null value means: unset it).</summary>
    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    /// <summary>
    /// Validates the edit, asks ShouldProcess with what would change, writes the file, and warns about
    /// notices and restart-only variables. Returns the written change, or null after -WhatIf, a refusal,
    /// or an error (reported for this pipeline object).
    /// </summary>
    protected EnvFileChange? Edit(IReadOnlyDictionary<string, string?> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var path = GetUnresolvedProviderPathFromPSPath(EnvironmentFile);
        try
        {
            var preview = EnvFileEditor.Preview(path, changes);
            if (preview.Changes.Count == 0)
            {
                WriteVerbose($"{path} already holds these values; nothing to write.");
                return preview;
            }

            if (!ShouldProcess(path, $"Set {preview.Describe()}"))
            {
                return null;
            }

            var change = EnvFileEditor.Apply(path, changes);
            foreach (var notice in change.Notices)
            {
                WriteWarning(notice);
            }

            if (change.RestartRequired.Count > 0)
            {
                WriteWarning($"Written, but applied only when vpc-cni-node restarts (systemctl restart vpc-cni-node): {string.Join(", ", change.RestartRequired)}. Live variables apply on its next reload.");
            }

            return change;
        }
        catch (VpcCniException ex)
        {
            WriteError(ErrorRecordFactory.Create(ex, path));
            return null;
        }
    }
}

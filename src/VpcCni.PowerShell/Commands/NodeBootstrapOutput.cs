using VpcCni.Engine.Bootstrap;
using VpcCni.Engine.Errors;

namespace VpcCni.PowerShell.Commands;

/// <summary>What Install- and Uninstall-VpcCniNode share: ShouldProcess per file, systemctl, and the output.</summary>
internal static class NodeBootstrapOutput
{
    /// <summary>Whether <paramref name="root"/> is the running system, the only root systemctl may be called for.</summary>
    public static bool IsMachineRoot(string root) => Path.GetFullPath(root) == "/";

    /// <summary>Applies each change the user confirms; returns the plan with the changes not made marked as such (-WhatIf keeps the planned action).</summary>
    public static IReadOnlyList<NodeFileChange> Apply(VpcCniCmdlet cmdlet, IReadOnlyList<NodeFileChange> plan)
    {
        foreach (var change in plan.Where(c => c.IsChange))
        {
            if (!cmdlet.ShouldProcess(change.Path, change.Action == NodeFileAction.Removed ? "Remove file" : change.Action + " file"))
            {
                continue;
            }

            try
            {
                NodeInstaller.Apply(change);
            }
            catch (VpcCniException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecordFactory.Create(ex, change.Path));
            }
        }

        return plan;
    }

    public static void Systemctl(VpcCniCmdlet cmdlet, string command, Func<CancellationToken, Task> call, List<string> done)
    {
        try
        {
            call(CancellationToken.None).GetAwaiter().GetResult();
            done.Add(command);
        }
        catch (VpcCniException ex)
        {
            cmdlet.ThrowTerminatingError(ErrorRecordFactory.Create(ex, command));
        }
    }

    public static void Write(VpcCniCmdlet cmdlet, NodeInstallSummary summary, bool passThru)
    {
        if (passThru)
        {
            cmdlet.WriteObject(summary.Files, enumerateCollection: true);
        }
        else
        {
            cmdlet.WriteObject(summary);
        }
    }
}

using System.Management.Automation;
using VpcCni.Engine.Bootstrap;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.PacketFilter;

namespace VpcCni.PowerShell.Commands;

/// <summary>
/// Removes what Install-VpcCniNode installed, and the CNI configuration the service wrote, under
/// -Root; other plugins' files and configurations stay (docs/service.md, "Bootstrap").
/// </summary>
[Cmdlet(VerbsLifecycle.Uninstall, "VpcCniNode", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(NodeInstallSummary), typeof(NodeFileChange))]
public sealed class UninstallVpcCniNodeCommand : VpcCniCmdlet
{
    /// <summary>The directory every node path is placed under; "/" is the machine itself.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Root { get; set; } = "/";

    /// <summary>Write one object per file instead of the summary.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var root = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Root);
        IReadOnlyList<NodeFileChange> plan;
        try
        {
            plan = NodeInstaller.PlanUninstall(new NodeInstallRequest { Root = root });
        }
        catch (VpcCniException ex)
        {
            ThrowTerminatingError(ErrorRecordFactory.Create(ex, root));
            return;
        }

        var commands = new List<string>();
        var onMachine = NodeBootstrapOutput.IsMachineRoot(root) && plan.Any(c => c.NodePath == NodeInstallPaths.Unit && c.IsChange);
        var systemd = new SystemdControl(new CommandRunner());
        if (onMachine && ShouldProcess(SystemdControl.Unit, "systemctl disable --now"))
        {
            NodeBootstrapOutput.Systemctl(this, $"systemctl disable --now {SystemdControl.Unit}", systemd.DisableNowAsync, commands);
        }

        var applied = NodeBootstrapOutput.Apply(this, plan);
        if (onMachine && applied.Any(c => c.NodePath == NodeInstallPaths.Unit && c.Action == NodeFileAction.Removed) && !MyInvocation.BoundParameters.ContainsKey("WhatIf"))
        {
            NodeBootstrapOutput.Systemctl(this, "systemctl daemon-reload", systemd.DaemonReloadAsync, commands);
        }

        var summary = new NodeInstallSummary { Root = root, Files = applied, SystemctlCommands = commands };
        WriteVerbose(summary.Message);
        NodeBootstrapOutput.Write(this, summary, PassThru.IsPresent);
    }
}

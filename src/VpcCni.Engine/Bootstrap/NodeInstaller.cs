using System.Text;
using System.Text.Json;
using VpcCni.Engine.Errors;

namespace VpcCni.Engine.Bootstrap;

/// <summary>
/// Installs and removes a node's files with an explicit plan (docs/service.md, "Bootstrap"): the
/// plugin, the service, its systemd unit and its environment file. A plan compares what is there
/// with what would be written, so a re-run reports every file Unchanged and writes nothing; each
/// change is applied on its own (the cmdlet asks ShouldProcess per file). The CNI configuration is
/// not written here: the service writes it once the node can serve pods (docs/cni-config.md, "When
/// it is written"), and uninstall removes it only when it is ours.
/// </summary>
public static class NodeInstaller
{
    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    // The service reads it as root; it may hold a cluster's settings, nothing for other users.
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The unit file as packaging/systemd ships it.</summary>
    public static byte[] UnitFile()
    {
        using var stream = typeof(NodeInstaller).Assembly.GetManifestResourceStream("VpcCni.Engine.Bootstrap.vpc-cni-node.service")
            ?? throw new VpcCniException("The embedded systemd unit is missing from the engine assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>What installing would do, file by file; nothing is written.</summary>
    public static IReadOnlyList<NodeFileChange> PlanInstall(NodeInstallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = CheckRoot(request.Root);
        var source = request.SourceDirectory ?? throw Missing("no source directory was given");
        var envPath = NodeInstallPaths.Under(root, NodeInstallPaths.EnvFile);
        var existingEnv = File.Exists(envPath) ? File.ReadAllText(envPath) : null;
        return
        [
            Install(root, NodeInstallPaths.Plugin, ReadSource(source, NodeInstallPaths.PluginName), Executable),
            Install(root, NodeInstallPaths.Node, ReadSource(source, NodeInstallPaths.NodeName), Executable),
            Install(root, NodeInstallPaths.Unit, UnitFile(), Readable),
            Install(root, NodeInstallPaths.EnvFile, Encoding.UTF8.GetBytes(NodeEnvFile.Merge(existingEnv, request.Variables)), Private),
            new NodeFileChange
            {
                NodePath = NodeInstallPaths.CniConfig,
                Path = NodeInstallPaths.Under(root, NodeInstallPaths.CniConfig),
                Action = NodeFileAction.Deferred,
                Note = "vpc-cni-node writes it once the node is ready (docs/cni-config.md)",
            },
        ];
    }

    /// <summary>What uninstalling would do: our files go, a CNI configuration that is not ours stays.</summary>
    public static IReadOnlyList<NodeFileChange> PlanUninstall(NodeInstallRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = CheckRoot(request.Root);
        var changes = new[] { NodeInstallPaths.Plugin, NodeInstallPaths.Node, NodeInstallPaths.Unit, NodeInstallPaths.EnvFile }
            .Select(p => Remove(root, p, note: null))
            .ToList();
        var conflist = NodeInstallPaths.Under(root, NodeInstallPaths.CniConfig);
        changes.Add(!File.Exists(conflist) || IsOurConflist(conflist)
            ? Remove(root, NodeInstallPaths.CniConfig, note: null)
            : new NodeFileChange { NodePath = NodeInstallPaths.CniConfig, Path = conflist, Action = NodeFileAction.Kept, Note = "not written by vpc-cni-node (no plugin of type vpc-cni)" });
        return changes;
    }

    /// <summary>The environment file's text as the plan would leave it (the max-pods mode is read from it).</summary>
    public static string PlannedEnvironment(IReadOnlyList<NodeFileChange> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.FirstOrDefault(c => c.NodePath == NodeInstallPaths.EnvFile)?.Content is { } content ? Encoding.UTF8.GetString(content) : string.Empty;
    }

    /// <summary>Carries out one planned change (a no-op for Unchanged, Absent, Kept and Deferred).</summary>
    public static void Apply(NodeFileChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            switch (change.Action)
            {
                case NodeFileAction.Created or NodeFileAction.Updated:
                    Write(change);
                    break;
                case NodeFileAction.Removed:
                    File.Delete(change.Path);
                    RemoveIfEmpty(Path.GetDirectoryName(change.Path)!, change.NodePath);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new VpcCniException(VpcCniErrorCategory.PermissionDenied, ErrorIds.Bootstrap.WriteFailed, $"{change.Action} {change.Path} failed: {ex.Message}", ex);
        }
    }

    private static void Write(NodeFileChange change)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(change.Path)!);

        // Written beside and renamed over (rename(2)), so a running node never executes half a binary.
        var temporary = change.Path + ".vpccni-new";
        File.WriteAllBytes(temporary, change.Content!);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, change.Mode);
        }

        File.Move(temporary, change.Path, overwrite: true);
    }

    /// <summary>Only /etc/vpc-cni is ours as a directory; the shared ones (/opt/cni/bin, /etc/systemd/system) always stay.</summary>
    private static void RemoveIfEmpty(string directory, string nodePath)
    {
        if (nodePath == NodeInstallPaths.EnvFile && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
        }
    }

    private static NodeFileChange Install(string root, string nodePath, byte[] content, UnixFileMode mode)
    {
        var path = NodeInstallPaths.Under(root, nodePath);
        var action = !File.Exists(path) ? NodeFileAction.Created
            : File.ReadAllBytes(path).AsSpan().SequenceEqual(content) && (OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == mode) ? NodeFileAction.Unchanged
            : NodeFileAction.Updated;
        return new NodeFileChange { NodePath = nodePath, Path = path, Action = action, Content = content, Mode = mode };
    }

    private static NodeFileChange Remove(string root, string nodePath, string? note)
    {
        var path = NodeInstallPaths.Under(root, nodePath);
        return new NodeFileChange { NodePath = nodePath, Path = path, Action = File.Exists(path) ? NodeFileAction.Removed : NodeFileAction.Absent, Note = note };
    }

    /// <summary>Ours: a list whose plugins include one of type <c>vpc-cni</c> (docs/cni-config.md, "The file").</summary>
    private static bool IsOurConflist(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("plugins", out var plugins) && plugins.ValueKind == JsonValueKind.Array
                && plugins.EnumerateArray().Any(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("type", out var type)
                    && type.ValueKind == JsonValueKind.String && type.GetString() == NodeInstallPaths.PluginName);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] ReadSource(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw Missing($"{path} does not exist");
    }

    private static VpcCniException Missing(string why) => new(VpcCniErrorCategory.NotFound, ErrorIds.Bootstrap.SourceMissing,
        $"The binaries to install were not found: {why}. Give -SourcePath, or run build.ps1 -Task Publish (out/bin).");

    private static string CheckRoot(string root) =>
        Path.IsPathFullyQualified(root) && Directory.Exists(root) ? Path.GetFullPath(root)
        : throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Bootstrap.InvalidRoot, $"The root '{root}' is not an absolute path to an existing directory.");
}

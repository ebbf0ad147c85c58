using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using VpcCni.Engine.Errors;
using VpcCni.Engine.Linux.Namespaces;
using VpcCni.Engine.Linux.Native;

namespace VpcCni.Engine.Linux;

/// <summary>
/// <see cref="INetNs"/> over <c>setns(2)</c>, <c>unshare(2)</c> and bind mounts. A network namespace
/// belongs to a thread, not a process, so <see cref="Run{T}"/> uses a fresh thread that nobody else
/// ever runs on, and lets it die afterwards: even when switching back fails, no pool thread is left in
/// the wrong namespace (containernetworking/plugins pkg/ns <c>Do</c> and its README).
/// </summary>
public sealed class NetNs : INetNs
{
    private const string ThreadNamespace = "/proc/thread-self/ns/net";
    private const string ProcessNamespace = "/proc/self/ns/net";
    private readonly string _runDirectory;

    /// <param name="runDirectory">Where named namespaces live (<c>ip netns</c> uses <c>/run/netns</c>).</param>
    public NetNs(string runDirectory = "/run/netns") => _runDirectory = runDirectory;

    public T Run<T>(string namespacePath, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var target = Open(namespacePath);
        if (CallingThreadIsIn(namespacePath))
        {
            return work();
        }

        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var home = OpenRaw(ThreadNamespace);
                Enter(target, $"enter network namespace {namespacePath}");
                try
                {
                    result = work();
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    if (LibC.SetNs(LinkHandle(home), LibC.CloneNewNet) != 0)
                    {
                        var errno = Marshal.GetLastPInvokeError();
                        failure = ExceptionDispatchInfo.Capture(new NetNsException(
                            ErrorIds.Netns.RestoreFailed,
                            $"Could not switch back from network namespace {namespacePath} (errno {errno}); the thread is discarded.",
                            failure?.SourceException));
                    }
                }
            }
            catch (Exception e)
            {
                failure ??= ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "netns-run",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }

    /// <summary>
    /// The process's own namespace, asked for from a thread that is in it (the plugin's node namespace):
    /// nothing to switch, so no thread. Both links read <c>net:[inode]</c> (namespaces(7), "The
    /// /proc/[pid]/ns/ directory"); a thread inside another <see cref="Run{T}"/> differs and switches.
    /// </summary>
    private static bool CallingThreadIsIn(string namespacePath) =>
        namespacePath == ProcessNamespace
        && new FileInfo(ThreadNamespace).LinkTarget is { } thread
        && thread == new FileInfo(ProcessNamespace).LinkTarget;

    public SafeFileHandle Open(string namespacePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(namespacePath);
        return OpenRaw(namespacePath);
    }

    public string PathOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new VpcCniException(VpcCniErrorCategory.InvalidArgument, ErrorIds.Netns.InvalidName, $"Namespace name '{name}' is invalid: it must be a plain file name.");
        }

        return Path.Combine(_runDirectory, name);
    }

    public string Create(string name)
    {
        var path = PathOf(name);
        PrepareRunDirectory();
        try
        {
            using (new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
            }
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new NetNsException(ErrorIds.Netns.AlreadyExists, $"Network namespace {name} already exists at {path}.", e);
        }

        // unshare(CLONE_NEWNET) moves only the calling thread, which then dies; the bind mount keeps the namespace alive.
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            if (LibC.Unshare(LibC.CloneNewNet) != 0 || LibC.Mount(ThreadNamespace, path, "none", LibC.MsBind, 0) != 0)
            {
                failure = ExceptionDispatchInfo.Capture(new NetNsException(ErrorIds.Netns.CreateFailed, $"Could not create network namespace {name} (errno {Marshal.GetLastPInvokeError()})."));
            }
        })
        {
            IsBackground = true,
            Name = "netns-create",
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            File.Delete(path);
            failure.Throw();
        }

        return path;
    }

    public bool Delete(string name)
    {
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return false;
        }

        // EINVAL means "not a mount point" (a leftover file); the file is removed either way.
        _ = LibC.Umount2(path, LibC.MntDetach);
        File.Delete(path);
        return true;
    }

    private static void Enter(SafeFileHandle target, string what)
    {
        if (LibC.SetNs(LinkHandle(target), LibC.CloneNewNet) != 0)
        {
            throw new NetNsException(ErrorIds.Netns.EnterFailed, $"Could not {what} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    private static int LinkHandle(SafeFileHandle handle) => checked((int)handle.DangerousGetHandle());

    private static SafeFileHandle OpenRaw(string path)
    {
        var fd = LibC.Open(path, LibC.ORdonly | LibC.OCloexec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == 2)
            {
                throw new NetNsNotFoundException($"Network namespace {path} does not exist.");
            }

            throw new NetNsException(ErrorIds.Netns.OpenFailed, $"Could not open network namespace {path} (errno {errno}).");
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>
    /// As <c>ip netns add</c>: make the run directory a shared mount point so namespace mounts made later
    /// propagate to other mount namespaces (ip/ipnetns.c, netns_add).
    /// </summary>
    private void PrepareRunDirectory()
    {
        Directory.CreateDirectory(_runDirectory);
        if (LibC.Mount(null, _runDirectory, "none", LibC.MsShared | LibC.MsRec, 0) == 0)
        {
            return;
        }

        // EINVAL: not a mount point yet; bind it onto itself first.
        if (LibC.Mount(_runDirectory, _runDirectory, "none", LibC.MsBind | LibC.MsRec, 0) == 0)
        {
            _ = LibC.Mount(null, _runDirectory, "none", LibC.MsShared | LibC.MsRec, 0);
        }
    }
}

using System.Reflection;
using System.Runtime.Loader;

namespace VpcCni.PowerShell;

/// <summary>
/// The private load context for the engine and its third-party dependencies (AWS SDK,
/// Microsoft.Extensions.*), so that VpcCni loads beside other modules that ship different
/// versions of them (learn.microsoft.com/powershell/scripting/dev-cross-plat/resolving-dependency-conflicts).
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _directory;

    public DependencyLoadContext(string directory)
        : base("VpcCni.Dependencies", isCollectible: false)
    {
        _directory = directory;
    }

    public bool Owns(AssemblyName name) => name.Name is not null && File.Exists(PathOf(name));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Anything we ship comes from our folder; everything else (the BCL, PowerShell itself)
        // falls through to the default context.
        return Owns(assemblyName) ? LoadFromAssemblyPath(PathOf(assemblyName)) : null;
    }

    private string PathOf(AssemblyName name) => Path.Combine(_directory, name.Name + ".dll");
}

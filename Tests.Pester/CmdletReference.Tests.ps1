#Requires -Version 7.4
# The cmdlet reference index (docs/cmdlets/README.md) and the runbook (docs/runbook.md) stay true to
# the module: every exported cmdlet is indexed and has a page, every link points to a page that
# exists, and the runbook names only cmdlets the module exports. Reads files only; needs no build.

BeforeDiscovery {
    $script:Commands = (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../VpcCni.psd1')).CmdletsToExport
}

BeforeAll {
    $script:Manifest = Import-PowerShellDataFile (Join-Path $PSScriptRoot '../VpcCni.psd1')
    $script:Exported = $script:Manifest.CmdletsToExport
    $script:CmdletDocs = Join-Path $PSScriptRoot '../docs/cmdlets'
    $script:IndexPath = Join-Path $script:CmdletDocs 'README.md'
    $script:RunbookPath = Join-Path $PSScriptRoot '../docs/runbook.md'

    function Get-MarkdownLink {
        <# The relative .md targets of a markdown file's [text](target) links, without #anchors. #>
        param([Parameter(Mandatory)] [string] $Path)
        [regex]::Matches((Get-Content -Raw $Path), '\[[^\]]*\]\((?<target>[^)#\s]+\.md)(#[^)]*)?\)') |
            ForEach-Object { $_.Groups['target'].Value } |
            Where-Object { $_ -notmatch '^[a-z]+://' }
    }

    # The lines of the index that list a cmdlet: "- [Verb-Noun](its page) what it does".
    $script:IndexEntries = Get-Content $script:IndexPath | ForEach-Object {
        if ($_ -match '^- \[(?<name>[A-Za-z]+-[A-Za-z]+)\]\((?<page>[^)]+)\)(?<rest>.*)$') {
            [pscustomobject]@{ Name = $Matches.name; Page = $Matches.page; Rest = $Matches.rest.Trim() }
        }
    }
}

Describe 'Cmdlet reference index' -Tag 'Unit' {
    It 'exists at docs/cmdlets/README.md' {
        $script:IndexPath | Should -Exist
    }

    Context '<_>' -ForEach $script:Commands {
        BeforeAll {
            $script:Name = $_
            $script:Page = $_ + '.md'
        }

        It 'has a page in docs/cmdlets' {
            Join-Path $script:CmdletDocs $script:Page | Should -Exist
        }

        It 'is listed in the index, linked to its own page, with a line of text' {
            $entries = @($script:IndexEntries | Where-Object Name -CEQ $script:Name)
            $entries.Count | Should -BeGreaterThan 0 -Because "$script:Name is exported, so the index lists it"
            foreach ($e in $entries) {
                $e.Page | Should -BeExactly $script:Page
                $e.Rest | Should -Not -BeNullOrEmpty -Because 'each entry says what the cmdlet does'
            }
        }
    }

    It 'lists only cmdlets the module exports' {
        $unknown = @($script:IndexEntries.Name | Where-Object { $_ -cnotin $script:Exported } | Sort-Object -Unique)
        $unknown | Should -BeNullOrEmpty
    }

    It 'links only pages that exist' {
        $missing = @(Get-MarkdownLink $script:IndexPath | Where-Object {
                -not (Test-Path (Join-Path $script:CmdletDocs $_))
            })
        $missing | Should -BeNullOrEmpty
    }
}

Describe 'Runbook' -Tag 'Unit' {
    It 'exists at docs/runbook.md' {
        $script:RunbookPath | Should -Exist
    }

    It 'links only pages that exist' {
        $docs = Split-Path $script:RunbookPath
        $missing = @(Get-MarkdownLink $script:RunbookPath | Where-Object {
                -not (Test-Path (Join-Path $docs $_))
            })
        $missing | Should -BeNullOrEmpty
    }

    It 'names only cmdlets the module exports' {
        $named = [regex]::Matches((Get-Content -Raw $script:RunbookPath), '\b[A-Z][a-z]+-VpcCni[A-Za-z]*\b') |
            ForEach-Object Value | Sort-Object -Unique
        $named | Should -Not -BeNullOrEmpty
        @($named | Where-Object { $_ -cnotin $script:Exported }) | Should -BeNullOrEmpty
    }

    It 'names upstream metric families only as the node exports them' {
        # Every awscni_* name the runbook uses is one the node service registers (src/VpcCni.Service/Metrics).
        $source = Get-ChildItem (Join-Path $PSScriptRoot '../src/VpcCni.Service/Metrics') -Filter *.cs |
            Get-Content -Raw | Join-String
        $exported = [regex]::Matches($source, '"(awscni_[a-z0-9_]+)"') | ForEach-Object { $_.Groups[1].Value } | Sort-Object -Unique
        $used = [regex]::Matches((Get-Content -Raw $script:RunbookPath), '\bawscni_[a-z0-9_]*[a-z0-9]\b') |
            ForEach-Object Value | Sort-Object -Unique
        $used | Should -Not -BeNullOrEmpty
        $suffixes = '_bucket', '_sum', '_count'
        $unknown = @($used | Where-Object {
                $name = $_
                $name -notin $exported -and -not ($suffixes | Where-Object { $name.EndsWith($_) -and $name.Substring(0, $name.Length - $_.Length) -in $exported })
            })
        $unknown | Should -BeNullOrEmpty
    }
}

"""A contract type for import-linter: no import cycles between the modules of a
package, counting imports made inside functions (grimp reads them all).

import-linter's own ``acyclic_siblings`` compares whole subpackages, which also
forbids two packages using *different* modules of each other; what we forbid is a
module that, through its imports, ends up importing itself.
"""

from importlinter import Contract, ContractCheck, fields, output


class AcyclicModulesContract(Contract):
    type_name = "acyclic_modules"

    packages = fields.ListField(subfield=fields.StringField())

    def check(self, graph, verbose: bool) -> ContractCheck:
        found = []
        for package in self.packages:  # type: ignore[attr-defined]
            modules = {package, *graph.find_descendants(package)}
            edges = {
                module: graph.find_modules_directly_imported_by(module) & modules
                for module in modules
            }
            for component in strongly_connected(edges):
                found.append(
                    {
                        "package": package,
                        "modules": sorted(component),
                        "imports": sorted(
                            (a, b)
                            for a in component
                            for b in edges[a]
                            if b in component
                        ),
                    }
                )
        return ContractCheck(kept=not found, metadata={"cycles": found})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for cycle in check.metadata["cycles"]:
            output.print_error(
                f"Import cycle in {cycle['package']} between "
                f"{len(cycle['modules'])} modules:"
            )
            for importer, imported in cycle["imports"]:
                output.print(f"    {importer} -> {imported}")
            output.new_line()


def strongly_connected(edges: dict[str, set[str]]) -> list[set[str]]:
    """Components of more than one module (Tarjan, iterative: no recursion limit)."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    result.append(component)
    return result

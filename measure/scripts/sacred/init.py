# reprotree: measure
from sacred import Experiment
from sacred.observers import FileStorageObserver

ex = Experiment("reprotree")
ex.observers.append(FileStorageObserver("runs"))


@ex.main
def main():
    pass


ex.run()
# reprotree: end

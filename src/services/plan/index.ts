export { listPlans, getPlan, listNodes, listTreeNodes, listTreeChildren, getNode } from './read-plan';
export { createNode } from './create-node';
export { updateNode } from './update-node';
export { moveNode } from './move-node';
export { removeNode, restoreNode } from './remove-node';
export type { CreateNodeInput, UpdateNodeInput, MoveNodeInput } from './node-input';
export { assignUnits, listAssignments } from './assign-units';
export type { AssignUnitsInput } from './assign-units';

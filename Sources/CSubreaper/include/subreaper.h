#ifndef TAKEHOME_SUBREAPER_H
#define TAKEHOME_SUBREAPER_H

/// Makes the calling process the child subreaper of its descendants (Linux PR_SET_CHILD_SUBREAPER),
/// so orphans are re-parented to it rather than to init. Returns 0, or -1 with errno set.
/// prctl is variadic, which Swift cannot call directly.
int takehome_become_subreaper(void);

#endif

/*
 * list.h: the one intrusive list of the kernel: circular and doubly linked through a head node, so
 * insertion and removal are O(1) and need no special case for the ends. Embed a struct list_head in
 * an object, and get the object back from a node with list_entry().
 */
#ifndef _LIST_H
#define _LIST_H

#include "types.h"

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define list_entry(node, type, member) container_of(node, type, member)

static inline void INIT_LIST_HEAD(struct list_head *head)
{
	head->next = head->prev = head;
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

/* Link node between two neighbours that are adjacent. */
static inline void __list_link(struct list_head *node, struct list_head *prev, struct list_head *next)
{
	node->prev = prev;
	node->next = next;
	prev->next = node;
	next->prev = node;
}

/* Insert node right after pos (at the front when pos is the head). */
static inline void list_add(struct list_head *node, struct list_head *pos)
{
	__list_link(node, pos, pos->next);
}

/* Insert node right before pos (at the back when pos is the head). */
static inline void list_add_tail(struct list_head *node, struct list_head *pos)
{
	__list_link(node, pos->prev, pos);
}

/* Unlink node; it may be linked again afterwards. */
static inline void list_del(struct list_head *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	node->next = node->prev = node;
}

/* Iterate over the objects of a list; `pos` is the object, `member` its list_head field. */
#define list_for_each_entry(pos, head, member)                                        \
	for (pos = list_entry((head)->next, __typeof__(*pos), member); &pos->member != (head); \
	     pos = list_entry(pos->member.next, __typeof__(*pos), member))

/* The same, safe against removal of pos: n holds the next object. */
#define list_for_each_entry_safe(pos, n, head, member)                                \
	for (pos = list_entry((head)->next, __typeof__(*pos), member),                 \
	     n = list_entry(pos->member.next, __typeof__(*pos), member);               \
	     &pos->member != (head); pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

#endif
